namespace Rampart.Intel.Stix.Patterns;

/// <summary>What sits inside <c>[ … ]</c>: comparisons joined by AND and OR.</summary>
public abstract record ComparisonNode;
