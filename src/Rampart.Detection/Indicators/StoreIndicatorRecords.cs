using Rampart.Core.Actors;
using Rampart.Core.Indicators;

namespace Rampart.Detection.Indicators;

/// <summary>Confirms hits against the store: one indexed query on (type, normalized value) per distinct hit.</summary>
public sealed class StoreIndicatorRecords(IIndicatorStore indicators, IActorStore actors, TimeProvider time) : IIndicatorRecords
{
    public async Task<IReadOnlyList<Indicator>> FindLiveAsync(IndicatorType type, string normalizedValue, CancellationToken cancellationToken)
    {
        var page = await indicators.ListAsync(new IndicatorQuery(Limit: IndicatorQuery.MaxLimit, Type: type, NormalizedValue: normalizedValue), cancellationToken);
        var now = time.GetUtcNow();
        return page.Items.Where(i => i.IsLive(now)).ToList();
    }

    public async Task<string?> ActorNameAsync(string actorId, CancellationToken cancellationToken) =>
        (await actors.GetAsync(actorId, cancellationToken))?.Name;
}
