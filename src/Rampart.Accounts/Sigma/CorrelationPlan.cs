namespace Rampart.Accounts.Sigma;

/// <summary>
/// The immutable part of a compiled correlation, shared by every evaluator of a rule set: where the
/// group-by and aggregated fields are for each input, and which correlations it feeds in turn.
/// </summary>
internal sealed class CorrelationPlan(SigmaCorrelationRule rule, FieldPath[][][] groupPaths, FieldPath[][] valuePaths)
{
    public SigmaCorrelationRule Rule { get; } = rule;

    /// <summary>Per input position, per group-by field: where the field is in that input's events.</summary>
    public FieldPath[][][] GroupPaths { get; } = groupPaths;

    /// <summary>Per input position: where the aggregated field is (value_* types); empty otherwise.</summary>
    public FieldPath[][] ValuePaths { get; } = valuePaths;

    public bool Reports { get; set; } = true;

    public List<(int Correlation, int Position)> Feeds { get; } = [];
}
