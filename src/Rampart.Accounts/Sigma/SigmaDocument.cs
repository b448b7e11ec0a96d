namespace Rampart.Accounts.Sigma;

/// <summary>What every Sigma document has: its <see cref="SigmaMetadata"/> (title, optional id and name, where it was read).</summary>
public abstract class SigmaDocument
{
    public required SigmaMetadata Metadata { get; init; }

    public string Title => Metadata.Title;

    public string? Id => Metadata.Id;

    /// <summary>The per-collection name correlations and filters may refer to instead of the id.</summary>
    public string? Name => Metadata.Name;

    public string? Level => Metadata.Level;

    public string? Status => Metadata.Status;

    public string? Description => Metadata.Description;

    public IReadOnlyList<string> Tags => Metadata.Tags;

    public string File => Metadata.File;

    public int Line => Metadata.Line;

    /// <summary>The id, else the name, else the title: how matches and errors name the rule.</summary>
    public string Key => Id ?? Name ?? Title;

    /// <summary>True when <paramref name="reference"/> (from a correlation or filter) means this document.</summary>
    public bool IsReferencedBy(string reference) =>
        string.Equals(Id, reference, StringComparison.OrdinalIgnoreCase) || string.Equals(Name, reference, StringComparison.Ordinal);
}
