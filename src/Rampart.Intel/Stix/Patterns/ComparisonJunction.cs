namespace Rampart.Intel.Stix.Patterns;

/// <summary><c>left AND right</c> or <c>left OR right</c> inside one observation.</summary>
public sealed record ComparisonJunction(bool IsOr, ComparisonNode Left, ComparisonNode Right) : ComparisonNode;
