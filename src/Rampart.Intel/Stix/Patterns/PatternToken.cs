namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// One token: its kind, where it starts (0-based character offset) and its text. For a string
/// literal <see cref="Text"/> is the unescaped content; for other literals the source text.
/// </summary>
public readonly record struct PatternToken(PatternTokenKind Kind, int Position, string Text)
{
    /// <summary>True for identifiers that contain a hyphen: valid as object types, not as property names.</summary>
    public bool HasHyphen => Kind == PatternTokenKind.Identifier && Text.Contains('-', StringComparison.Ordinal);
}
