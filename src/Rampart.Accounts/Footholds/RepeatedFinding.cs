namespace Rampart.Accounts.Footholds;

/// <summary>
/// The records of one plain finding (a rule that neither creates nor removes a foothold, below high) for
/// one account after its earliest, which alone is kept whole: how many, and the latest as a sighting.
/// A legacy-protocol sign-in rule matches tens of thousands of records in a big log; each kept whole
/// costs its record twice over (bytes and parsed document), and none of them opens a window.
/// </summary>
internal sealed class RepeatedFinding(int earliest, long earliestTicks)
{
    /// <summary>Where the earliest record's match is in the kept list.</summary>
    public int Earliest { get; set; } = earliest;

    public long EarliestTicks { get; set; } = earliestTicks;

    public long Count { get; set; } = 1;

    public AccessSighting? Latest { get; set; }
}
