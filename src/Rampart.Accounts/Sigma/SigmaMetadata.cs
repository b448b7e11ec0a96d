namespace Rampart.Accounts.Sigma;

/// <summary>
/// What every Sigma document says about itself (spec: the rule attributes shared by rules,
/// correlations and filters) and where it was read; read once for all three kinds.
/// </summary>
public sealed record SigmaMetadata
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
}
