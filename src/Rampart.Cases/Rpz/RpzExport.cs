namespace Rampart.Cases.Rpz;

/// <summary>An exported zone, what it was made from, and what was left out and why.</summary>
public sealed record RpzExport(RpzZone Zone, IReadOnlyList<string> Cases, int Domains, IReadOnlyList<string> Refused);
