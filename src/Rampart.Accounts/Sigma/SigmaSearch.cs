namespace Rampart.Accounts.Sigma;

/// <summary>
/// A search identifier of a detection: alternatives linked with OR (a list of maps or keywords),
/// each a list of items linked with AND (a map).
/// </summary>
public sealed record SigmaSearch(string Name, IReadOnlyList<IReadOnlyList<SigmaDetectionItem>> Alternatives, int Line, int Column);
