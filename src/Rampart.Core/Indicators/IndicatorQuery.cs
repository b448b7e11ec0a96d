namespace Rampart.Core.Indicators;

/// <summary>A page of indicators in id order; <see cref="After"/> is the last id of the previous page.</summary>
public sealed record IndicatorQuery(
    int Limit = IndicatorQuery.DefaultLimit,
    string? After = null,
    IndicatorType? Type = null,
    string? ActorId = null,
    string? Source = null,
    bool IncludeRevoked = false)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
