namespace Rampart.Intel.Stix.Patterns;

/// <summary>Thrown inside the lexer and parser only; <see cref="StixPatternParser"/> turns it into a <see cref="PatternError"/>.</summary>
internal sealed class PatternSyntaxException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
