namespace Rampart.Intel.Stix;

/// <summary>The file is not a STIX bundle at all (not JSON, not an object, cut short); <see cref="Offset"/> is the byte where that showed.</summary>
public sealed class StixFormatException(long offset, string message) : Exception(message)
{
    public long Offset { get; } = offset;
}
