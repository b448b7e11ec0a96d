namespace Rampart.Accounts.Sigma;

/// <summary>The correlation types of the Sigma correlation specification v2.1.</summary>
public enum SigmaCorrelationType
{
    EventCount,
    ValueCount,
    Temporal,
    TemporalOrdered,
    ValueSum,
    ValueAvg,
    ValuePercentile,
}
