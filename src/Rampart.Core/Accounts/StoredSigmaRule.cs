namespace Rampart.Core.Accounts;

/// <summary>
/// A Sigma document (rule, correlation or filter) as the store keeps it: what lists and filters need,
/// plus the YAML text of the file it came from, from which the engine compiles it again.
/// </summary>
/// <param name="Id">The rule's <c>id</c>; documents without one get a stable id derived from their file and title.</param>
/// <param name="Kind"><c>rule</c>, <c>correlation</c> or <c>filter</c>.</param>
/// <param name="Source">The name of the file it was read from.</param>
/// <param name="Yaml">The whole text of that file (a correlation and its rules often share one).</param>
public sealed record StoredSigmaRule(
    string Id,
    string Title,
    string Kind,
    string? Product,
    string? Service,
    string? Category,
    string? Level,
    string? Status,
    bool Enabled,
    string Source,
    string Yaml,
    DateTimeOffset ModifiedAt);
