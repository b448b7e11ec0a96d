using Rampart.Core.Markings;

namespace Rampart.Core.Indicators;

/// <summary>A stored indicator: one value of one type from one source.</summary>
/// <param name="NormalizedValue">The form matching compares (see <see cref="IndicatorValue"/>).</param>
/// <param name="Confidence">0–100, as in STIX.</param>
/// <param name="Revision">The store revision of the indicator's last change.</param>
/// <param name="LastSeen">The latest sighting recorded for it (decay counts its age from here); null when never sighted.</param>
/// <param name="FalsePositives">How many false-positive sightings were recorded; each lowers its confidence.</param>
public sealed record Indicator(
    string Id,
    IndicatorType Type,
    string Value,
    string NormalizedValue,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    int Confidence,
    string Source,
    string? ActorId,
    bool Revoked,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt,
    long Revision,
    Tlp? Tlp = null,
    string? StixRef = null,
    DateTimeOffset? LastSeen = null,
    int FalsePositives = 0)
{
    /// <summary>
    /// True when the indicator is within its validity at <paramref name="now"/> and not revoked. Decay
    /// (Rampart.Intel's <c>IndicatorLifecycle</c>) may still take it out of the index.
    /// </summary>
    public bool IsLive(DateTimeOffset now) =>
        !Revoked && ValidFrom <= now && (ValidUntil is null || ValidUntil > now);
}
