namespace Rampart.Intel.Import;

/// <summary>Values for the fields a list row leaves empty (the <c>--source</c>, <c>--actor</c>… options).</summary>
public sealed record ImportDefaults(string Source, string? Actor = null, int? Confidence = null, DateTimeOffset? ValidUntil = null);
