namespace Rampart.Intel.Lifecycle;

/// <summary>The one spelling of each <see cref="IndicatorStatus"/>, as the API (snake_case enums) and the CLI write it.</summary>
public static class IndicatorStatuses
{
    public static string ToWire(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Live => "live",
        IndicatorStatus.Revoked => "revoked",
        IndicatorStatus.NotYetValid => "not_yet_valid",
        IndicatorStatus.Expired => "expired",
        IndicatorStatus.Decayed => "decayed",
    };
}
