using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Storage;
using Rampart.Intel.Lifecycle;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Builds the verdict engine's <see cref="IndicatorView"/> from the store: a full
/// <see cref="IndicatorIndex"/> (streamed; seconds per million indicators), or, on top of one, the
/// small delta of what changed since it was built (one indexed query; milliseconds). Decayed
/// indicators (<see cref="IndicatorLifecycle"/>) stay in the store but not in the index.
/// </summary>
public sealed class IndicatorIndexLoader(IIndicatorStore indicators, IActorStore actors, IStoreRevision revision, TimeProvider time, IndicatorLifecycle? lifecycle = null)
{
    private readonly IndicatorLifecycle _lifecycle = lifecycle ?? IndicatorLifecycle.Default;

    /// <summary>A delta larger than this is not applied: the caller rebuilds instead.</summary>
    public const int MaxDeltaSize = 20_000;

    public async Task<IndicatorIndex> LoadAsync(CancellationToken cancellationToken)
    {
        // The revision is read first: a change committed while we stream is either in this index or
        // advances the revision past it, so the next delta or rebuild picks it up. Nothing is missed.
        var at = await revision.CurrentAsync(cancellationToken);
        var capacity = (int)Math.Min(await indicators.CountAsync(liveOnly: true, cancellationToken), Array.MaxLength / 2);
        var builder = new IndicatorIndexBuilder(capacity);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        await foreach (var indicator in indicators.StreamLiveAsync(now, cancellationToken))
        {
            if (!_lifecycle.IsLive(indicator, now))
            {
                continue;
            }

            builder.Add(indicator, await ActorNameAsync(indicator.ActorId, names, cancellationToken));
        }

        return builder.Build(at);
    }

    /// <summary>The view of <paramref name="snapshot"/> plus every change since; null when more than <see cref="MaxDeltaSize"/> changed.</summary>
    public async Task<IndicatorView?> LoadDeltaAsync(IndicatorIndex snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var at = await revision.CurrentAsync(cancellationToken);
        if (at == snapshot.Revision)
        {
            return IndicatorView.Of(snapshot);
        }

        var changed = await indicators.ChangedSinceAsync(snapshot.Revision, MaxDeltaSize + 1, cancellationToken);
        if (changed.Count > MaxDeltaSize)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var builder = new IndicatorIndexBuilder(changed.Count, holdRecords: true);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var indicator in changed.Where(i => _lifecycle.IsLive(i, now)))
        {
            builder.Add(indicator, await ActorNameAsync(indicator.ActorId, names, cancellationToken));
        }

        var ids = changed.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return new IndicatorView(snapshot, builder.Build(at), ids, Math.Max(at, changed.Count == 0 ? at : changed.Max(i => i.Revision)));
    }

    private async Task<string?> ActorNameAsync(string? actorId, Dictionary<string, string?> names, CancellationToken cancellationToken)
    {
        if (actorId is null)
        {
            return null;
        }

        if (!names.TryGetValue(actorId, out var name))
        {
            names[actorId] = name = (await actors.GetAsync(actorId, cancellationToken))?.Name;
        }

        return name;
    }
}
