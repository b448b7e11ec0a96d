namespace Rampart.Intel.Stix.Patterns;

/// <summary><c>left op right</c> where <see cref="Operator"/> is And, Or or FollowedBy.</summary>
public sealed record ObservationJunction(PatternTokenKind Operator, ObservationNode Left, ObservationNode Right) : ObservationNode;
