using Rampart.Intel.Exports;

namespace Rampart.Cases.Rpz;

/// <summary>
/// An exported zone, what it was made from, and what was left out and why: names too long for the
/// origin (<paramref name="Refused"/>), indicators above the TLP maximum (<paramref name="Markings"/>)
/// and indicators no longer enforced (<paramref name="Lifecycle"/>: expired, decayed, not yet valid).
/// </summary>
public sealed record RpzExport(RpzZone Zone, IReadOnlyList<string> Cases, int Domains, IReadOnlyList<string> Refused, MarkingGate Markings, LifecycleGate Lifecycle)
{
    /// <summary>One line for the zone file's header and the verbs' report, e.g. <c>indicators: held back by TLP (ceiling green): red 1, amber 1; left out as not live: decayed 1</c>.</summary>
    public string LeftOut => $"indicators: {Markings}; {Lifecycle}";
}
