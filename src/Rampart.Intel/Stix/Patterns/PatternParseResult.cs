namespace Rampart.Intel.Stix.Patterns;

/// <summary>The parsed pattern, or the first error with its position.</summary>
public sealed record PatternParseResult(ObservationNode? Pattern, PatternError? Error)
{
    public bool Succeeded => Pattern is not null;
}
