namespace Rampart.Intel.Stix.Patterns;

/// <summary>A literal on the right of a comparison; a set (<c>IN ('a', 'b')</c>) has its members in <see cref="Members"/>.</summary>
public sealed record PatternLiteral(PatternTokenKind Kind, string Text, IReadOnlyList<PatternLiteral>? Members = null)
{
    public bool IsString => Kind == PatternTokenKind.StringLiteral;
}
