using Rampart.Core.Markings;

namespace Rampart.Intel.Import;

/// <summary>Values for the fields a list row leaves empty (the <c>--source</c>, <c>--actor</c>, <c>--tlp</c>… options); a list has no per-row marking, so <see cref="Tlp"/> marks every row.</summary>
public sealed record ImportDefaults(string Source, string? Actor = null, int? Confidence = null, DateTimeOffset? ValidUntil = null, Tlp? Tlp = null);
