namespace Rampart.Detection.Lookalikes;

/// <summary>
/// One label of a folded name (<see cref="HostFolder"/>): where it is as written, where its skeleton
/// ends in the name's joined skeleton, the <see cref="LetterMask"/> of its skeleton letters and that
/// of its characters as written (hyphens included).
/// </summary>
internal readonly record struct FoldedLabel(int Start, int End, int SkeletonEnd, ulong Mask, ulong Written);
