using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Intel.Lifecycle;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Confirms hits against the store: one indexed query on (type, normalized value) per distinct hit.
/// An indicator that decayed or expired since the index was built is not confirmed, so it stops
/// matching at once even before the next rebuild drops it.
/// </summary>
public sealed class StoreIndicatorRecords(IIndicatorStore indicators, IActorStore actors, TimeProvider time, IndicatorLifecycle? lifecycle = null) : IIndicatorRecords
{
    private readonly IndicatorLifecycle _lifecycle = lifecycle ?? IndicatorLifecycle.Default;

    public async Task<IReadOnlyList<Indicator>> FindLiveAsync(IndicatorType type, string normalizedValue, CancellationToken cancellationToken)
    {
        var page = await indicators.ListAsync(new IndicatorQuery(Limit: IndicatorQuery.MaxLimit, Type: type, NormalizedValue: normalizedValue), cancellationToken);
        var now = time.GetUtcNow();
        return page.Items.Where(i => _lifecycle.IsLive(i, now)).ToList();
    }

    public async Task<string?> ActorNameAsync(string actorId, CancellationToken cancellationToken) =>
        (await actors.GetAsync(actorId, cancellationToken))?.Name;
}
