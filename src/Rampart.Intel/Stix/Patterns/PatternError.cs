namespace Rampart.Intel.Stix.Patterns;

/// <summary>Why a pattern is invalid and where: <see cref="Position"/> is the 0-based character offset.</summary>
public sealed record PatternError(int Position, string Message)
{
    public override string ToString() => $"column {Position + 1}: {Message}";
}
