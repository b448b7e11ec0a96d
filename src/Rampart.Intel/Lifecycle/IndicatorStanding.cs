using System.Text.Json.Serialization;

namespace Rampart.Intel.Lifecycle;

/// <summary>
/// Where an indicator stands at one moment: enforced or not and why, with its decay score.
/// What <c>rampart intel show</c> and the API print next to each indicator.
/// </summary>
/// <param name="Confidence">The confidence after false-positive sightings (the stored one less a penalty each).</param>
/// <param name="BaseScore">The score at age 0: the confidence, or the configured fixed base score.</param>
/// <param name="Score">The decayed score now, rounded to two decimals.</param>
/// <param name="LastSeen">Where the age is counted from: the latest sighting, or valid_from.</param>
/// <param name="DecaysAt">When the score falls below the threshold; null when decay is off.</param>
public sealed record IndicatorStanding(
    IndicatorStatus Status,
    int Confidence,
    double BaseScore,
    double Score,
    double Threshold,
    DateTimeOffset LastSeen,
    DateTimeOffset? DecaysAt,
    string Why)
{
    [JsonIgnore]
    public bool IsLive => Status == IndicatorStatus.Live;

    /// <summary>The status as the API (snake_case enums) and the CLI spell it.</summary>
    [JsonIgnore]
    public string StatusName => Status.ToWire();
}
