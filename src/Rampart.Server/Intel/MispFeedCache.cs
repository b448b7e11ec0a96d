using System.Collections.Concurrent;
using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Storage;
using Rampart.Intel.Exports;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Misp;

namespace Rampart.Server.Intel;

/// <summary>
/// The MISP feed the API serves (<c>/api/v1/misp/feed/</c>), written once per store revision and TLP
/// ceiling into a scratch folder and served from there: a MISP instance fetching the manifest and then
/// every event file sees one consistent feed, and the store is read once per change, not per file.
/// Decay and expiry change what may go out without a store change, so a feed is also written again
/// once the first of its indicators decays or expires.
/// </summary>
public sealed class MispFeedCache(IIndicatorStore indicators, IActorStore actors, IStoreRevision revision, IndicatorLifecycle lifecycle, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<Tlp, MispFeedFolder> _feeds = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rampart-misp-feed-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder holding the current feed for <paramref name="maximum"/> (written now when the store changed since), and what its gate held back.</summary>
    public async Task<MispFeedFolder> FolderAsync(Tlp maximum, CancellationToken cancellationToken)
    {
        var current = await revision.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (_feeds.TryGetValue(maximum, out var feed) && feed.IsCurrent(current, time.GetUtcNow()))
        {
            return feed;
        }

        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_feeds.TryGetValue(maximum, out feed) && feed.IsCurrent(current, now))
            {
                return feed;
            }

            var folder = Path.Combine(_root, $"{maximum.ToWire()}-{current}-{now.ToUnixTimeMilliseconds()}");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var names = (await actors.ListAsync(null, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            var gate = new MarkingGate(maximum);
            var live = new LifecycleGate(lifecycle, now);
            await MispFeedWriter.WriteAsync(folder, IndicatorPages.AllAsync(indicators, new IndicatorQuery(), cancellationToken), gate, live, id => names.GetValueOrDefault(id), cancellationToken).ConfigureAwait(false);
            var written = new MispFeedFolder(current, folder, gate.RefusedTotal, gate.Refused, live.LeftOutTotal, live.LeftOut, live.NextChange);
            _feeds[maximum] = written;
            if (feed?.Folder is not null && Directory.Exists(feed.Folder))
            {
                // A request may still be reading the previous feed's file: it has the file open, and Linux keeps it readable.
                Directory.Delete(feed.Folder, recursive: true);
            }

            return written;
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose()
    {
        _writing.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
