using Rampart.Core.Markings;

namespace Rampart.Core.Indicators;

/// <summary>A stored indicator: one value of one type from one source.</summary>
/// <param name="NormalizedValue">The form matching compares (see <see cref="IndicatorValue"/>).</param>
/// <param name="Confidence">0–100, as in STIX.</param>
/// <param name="Revision">The store revision of the indicator's last change.</param>
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
    string? StixRef = null)
{
    /// <summary>True when the indicator is to be enforced at <paramref name="now"/>.</summary>
    public bool IsLive(DateTimeOffset now) =>
        !Revoked && ValidFrom <= now && (ValidUntil is null || ValidUntil > now);
}
