namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// An observation with a qualifier: <c>START t'…' STOP t'…'</c>, <c>WITHIN n SECONDS</c> or
/// <c>REPEATS n TIMES</c>; <see cref="Qualifier"/> is Start, Within or Repeats and <see cref="Arguments"/> its literals.
/// </summary>
public sealed record QualifiedObservation(ObservationNode Inner, PatternTokenKind Qualifier, IReadOnlyList<string> Arguments) : ObservationNode;
