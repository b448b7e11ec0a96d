using Rampart.Core.Stix;

namespace Rampart.Intel.Stix;

/// <summary>
/// What importing one bundle did: objects read, what the store took (<see cref="Counts"/>), each
/// problem located by object id, and how many indicator objects are kept but not (fully) enforced.
/// </summary>
public sealed record StixImportReport(
    string File,
    int Objects,
    StixWriteCounts Counts,
    int NotEnforced,
    int Attributed,
    IReadOnlyList<StixProblem> Problems)
{
    public int Skipped => Problems.Count(p => p.Skipped);

    /// <summary>Pattern values on a warninglist: each reported among the problems, none indexed.</summary>
    public int Warned { get; init; }

    /// <summary>True when the import wrote nothing: a re-import of the same bundle.</summary>
    public bool WroteNothing => Counts.Added + Counts.IndicatorsAdded + Counts.IndicatorsUpdated + Attributed == 0;
}
