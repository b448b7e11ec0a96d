namespace Rampart.Core.Indicators;

/// <summary>
/// An indicator to create or update. Its identity is (type, normalized value, source): importing the
/// same value from the same source again updates that one indicator rather than adding another.
/// </summary>
public sealed record NewIndicator(
    IndicatorValue Value,
    string Source,
    int Confidence = NewIndicator.DefaultConfidence,
    string? ActorId = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null)
{
    /// <summary>STIX's "medium" confidence when a list says nothing.</summary>
    public const int DefaultConfidence = 50;
}
