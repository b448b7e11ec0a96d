namespace Rampart.Accounts.Sigma;

/// <summary>
/// A Sigma filter (meta filter, spec: "Sigma Filters"): its condition is joined with AND to the
/// condition of each rule it names (as pySigma does), so a filter written <c>not selection</c>
/// suppresses those rules' matches on the selected events.
/// </summary>
public sealed class SigmaFilterRule : SigmaDocument
{
    public required SigmaLogSource LogSource { get; init; }

    /// <summary>Ids or names of the rules the filter applies to; empty with <see cref="AppliesToAny"/> set means every rule of its log source.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    public bool AppliesToAny { get; init; }

    public required SigmaDetection Detection { get; init; }
}
