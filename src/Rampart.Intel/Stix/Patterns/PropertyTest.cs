namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// <c>path [NOT] op literal</c>; <see cref="Operator"/> is one of Equal, NotEqual, Less, LessOrEqual,
/// Greater, GreaterOrEqual, In, Like, Matches, IsSubset, IsSuperset. <c>EXISTS path</c> has Exists and no literal.
/// </summary>
public sealed record PropertyTest(ObjectPath Path, bool Negated, PatternTokenKind Operator, PatternLiteral? Value) : ComparisonNode;
