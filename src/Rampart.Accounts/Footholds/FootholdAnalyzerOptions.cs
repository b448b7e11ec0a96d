namespace Rampart.Accounts.Footholds;

/// <summary>What the footholds analysis reads and how much it keeps.</summary>
public sealed record FootholdAnalyzerOptions
{
    /// <summary>Events before this time are counted but not analyzed; events without a time are kept.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// The organization's mail domains. Forwarding to any other domain is "outside"; the domains of
    /// the accounts in the logs are always inside.
    /// </summary>
    public IReadOnlyCollection<string> InternalDomains { get; init; } = [];

    /// <summary>
    /// Matched records kept for the analysis; past this they are counted and reported as dropped. A noisy
    /// supplied rule over a year of logs must not exhaust memory (each kept record is about 2 KB).
    /// </summary>
    public int MaxKeptMatches { get; init; } = 200_000;

    /// <summary>Distinct (account, address or app) pairs tallied for "access continued"; past this new pairs are not tallied.</summary>
    public int MaxAccessKeys { get; init; } = 2_000_000;
}
