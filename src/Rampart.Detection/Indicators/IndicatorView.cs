namespace Rampart.Detection.Indicators;

/// <summary>
/// What the verdict engine enforces: the compiled <see cref="Snapshot"/>, plus the indicators
/// changed since it was built (<see cref="Added"/> holds the live ones whole; <see cref="Changed"/>
/// names every changed id, so the snapshot's copy of a revoked or updated indicator is ignored).
/// Swapped as one object; a check in flight finishes on the view it started with.
/// </summary>
public sealed record IndicatorView(IndicatorIndex Snapshot, IndicatorIndex Added, IReadOnlySet<string> Changed, long Revision)
{
    public static IndicatorView Empty { get; } = Of(IndicatorIndex.Empty);

    public static IndicatorView Of(IndicatorIndex snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new IndicatorView(snapshot, IndicatorIndex.Empty, new HashSet<string>(StringComparer.Ordinal), snapshot.Revision);
    }
}
