namespace Rampart.Detection.Lookalikes;

/// <summary>
/// What <see cref="HostFolder.TryFold"/> wrote: the name's length in lower-case ASCII, the length of
/// its joined skeleton, its labels, the signs seen, and whether three consecutive skeleton letters
/// are in the gram set it was given.
/// </summary>
internal readonly record struct FoldedHost(int HostLength, int SkeletonLength, int LabelCount, FoldSigns Signs, bool GramHit);
