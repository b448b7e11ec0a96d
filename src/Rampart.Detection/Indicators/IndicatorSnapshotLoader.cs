using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Storage;

namespace Rampart.Detection.Indicators;

/// <summary>Builds an <see cref="IndicatorSnapshot"/> from the store.</summary>
public sealed class IndicatorSnapshotLoader(IIndicatorStore indicators, IActorStore actors, IStoreRevision revision, TimeProvider time)
{
    public async Task<IndicatorSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        // The revision is read first: a change committed while we stream is either in this snapshot
        // or advances the revision past this one, so the next poll rebuilds. Nothing is missed.
        var at = await revision.CurrentAsync(cancellationToken);
        var live = new List<Indicator>();
        await foreach (var indicator in indicators.StreamLiveAsync(time.GetUtcNow(), cancellationToken))
        {
            live.Add(indicator);
        }

        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var actorId in live.Select(i => i.ActorId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            names[actorId] = (await actors.GetAsync(actorId, cancellationToken))?.Name;
        }

        return IndicatorSnapshot.Build(live, id => names.GetValueOrDefault(id), at);
    }
}
