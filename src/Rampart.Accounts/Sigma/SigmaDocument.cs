namespace Rampart.Accounts.Sigma;

/// <summary>What every Sigma document has: a title, optional id and name, and where it was read.</summary>
public abstract class SigmaDocument
{
    public required string Title { get; init; }

    public string? Id { get; init; }

    /// <summary>The per-collection name correlations and filters may refer to instead of the id.</summary>
    public string? Name { get; init; }

    public string? Level { get; init; }

    public string? Status { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required string File { get; init; }

    public int Line { get; init; }

    /// <summary>The id, else the name, else the title: how matches and errors name the rule.</summary>
    public string Key => Id ?? Name ?? Title;

    /// <summary>True when <paramref name="reference"/> (from a correlation or filter) means this document.</summary>
    public bool IsReferencedBy(string reference) =>
        string.Equals(Id, reference, StringComparison.OrdinalIgnoreCase) || string.Equals(Name, reference, StringComparison.Ordinal);
}
