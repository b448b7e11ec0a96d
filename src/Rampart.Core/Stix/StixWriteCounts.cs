namespace Rampart.Core.Stix;

/// <summary>What writing objects did: versions new to the store, versions already there, and derived indicators added or updated.</summary>
public sealed record StixWriteCounts(int Added, int Unchanged, int IndicatorsAdded, int IndicatorsUpdated)
{
    public static StixWriteCounts Zero { get; } = new(0, 0, 0, 0);

    public static StixWriteCounts operator +(StixWriteCounts a, StixWriteCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Added + b.Added, a.Unchanged + b.Unchanged, a.IndicatorsAdded + b.IndicatorsAdded, a.IndicatorsUpdated + b.IndicatorsUpdated);
    }
}
