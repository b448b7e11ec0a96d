namespace Rampart.Core.Indicators;

/// <summary>A page of indicators in id order; <see cref="After"/> is the last id of the previous page.</summary>
/// <param name="NormalizedValue">Only indicators with exactly this normalized value (with <see cref="Type"/>, an indexed look-up).</param>
public sealed record IndicatorQuery(
    int Limit = IndicatorQuery.DefaultLimit,
    string? After = null,
    IndicatorType? Type = null,
    string? ActorId = null,
    string? Source = null,
    bool IncludeRevoked = false,
    string? NormalizedValue = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
