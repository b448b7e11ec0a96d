namespace Rampart.Accounts.Sigma;

/// <summary>A rule ready to run: its node tree (with any filters joined), whether it reports matches, and which correlations it feeds.</summary>
internal sealed class CompiledRule(SigmaRule rule, CompiledDetection detection, SigmaNode root)
{
    public SigmaRule Rule { get; } = rule;

    public CompiledDetection Detection { get; } = detection;

    public SigmaNode Root { get; } = root;

    /// <summary>False when a correlation uses it without <c>generate: true</c> (spec: Generate).</summary>
    public bool Reports { get; set; } = true;

    /// <summary>Correlations (by index in the set) this rule's matches feed, at which input position.</summary>
    public List<(int Correlation, int Position)> Feeds { get; } = [];
}
