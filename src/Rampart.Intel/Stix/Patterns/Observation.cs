namespace Rampart.Intel.Stix.Patterns;

/// <summary><c>[ comparison ]</c>: one observed object satisfying the comparison.</summary>
public sealed record Observation(ComparisonNode Comparison) : ObservationNode;
