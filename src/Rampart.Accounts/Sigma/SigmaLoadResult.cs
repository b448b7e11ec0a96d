namespace Rampart.Accounts.Sigma;

/// <summary>What a load produced: the documents that were read and, for each that could not be, why.</summary>
public sealed record SigmaLoadResult(IReadOnlyList<SigmaDocument> Documents, IReadOnlyList<SigmaLoadError> Errors)
{
    public IEnumerable<SigmaRule> Rules => Documents.OfType<SigmaRule>();

    public IEnumerable<SigmaCorrelationRule> Correlations => Documents.OfType<SigmaCorrelationRule>();

    public IEnumerable<SigmaFilterRule> Filters => Documents.OfType<SigmaFilterRule>();
}
