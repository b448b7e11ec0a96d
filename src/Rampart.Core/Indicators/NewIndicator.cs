using Rampart.Core.Markings;

namespace Rampart.Core.Indicators;

/// <summary>
/// An indicator to create or update. Its identity is (type, normalized value, source): importing the
/// same value from the same source again updates that one indicator rather than adding another.
/// </summary>
/// <param name="Tlp">The TLP marking that limits where the indicator may be exported; null is unmarked.</param>
/// <param name="StixRef">The STIX indicator object it was derived from, so revoking that object revokes it.</param>
public sealed record NewIndicator(
    IndicatorValue Value,
    string Source,
    int Confidence = NewIndicator.DefaultConfidence,
    string? ActorId = null,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null,
    Tlp? Tlp = null,
    string? StixRef = null)
{
    /// <summary>STIX's "medium" confidence when a list says nothing.</summary>
    public const int DefaultConfidence = 50;
}
