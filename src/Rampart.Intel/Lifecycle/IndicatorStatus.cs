namespace Rampart.Intel.Lifecycle;

/// <summary>Why an indicator is, or is not, in the matching index. Wire names in <see cref="IndicatorStanding.StatusName"/>.</summary>
public enum IndicatorStatus
{
    Live,
    Revoked,
    NotYetValid,
    Expired,
    Decayed,
}
