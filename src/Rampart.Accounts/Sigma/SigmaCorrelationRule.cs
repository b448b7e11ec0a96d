namespace Rampart.Accounts.Sigma;

/// <summary>A Sigma correlation rule (spec: "Sigma Correlation Rules" v2.1).</summary>
public sealed class SigmaCorrelationRule : SigmaDocument
{
    public required SigmaCorrelationType Type { get; init; }

    /// <summary>Ids or names of the rules (or correlations) it correlates; order matters for temporal_ordered.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    public required IReadOnlyList<string> GroupBy { get; init; }

    public required TimeSpan Timespan { get; init; }

    /// <summary>The condition criteria, linked with AND; empty for temporal types (then: all rules).</summary>
    public required IReadOnlyList<SigmaComparison> Condition { get; init; }

    /// <summary>The field the value_* types aggregate.</summary>
    public string? Field { get; init; }

    /// <summary>alias → (rule name → field in that rule's events).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>When false (the default), the referenced rules do not report matches of their own.</summary>
    public bool Generate { get; init; }
}
