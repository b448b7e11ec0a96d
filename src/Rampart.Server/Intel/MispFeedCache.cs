using System.Collections.Concurrent;
using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Storage;
using Rampart.Intel.Exports;
using Rampart.Intel.Misp;

namespace Rampart.Server.Intel;

/// <summary>
/// The MISP feed the API serves (<c>/api/v1/misp/feed/</c>), written once per store revision and TLP
/// ceiling into a scratch folder and served from there: a MISP instance fetching the manifest and then
/// every event file sees one consistent feed, and the store is read once per change, not per file.
/// </summary>
public sealed class MispFeedCache(IIndicatorStore indicators, IActorStore actors, IStoreRevision revision, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<Tlp, MispFeedFolder> _feeds = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rampart-misp-feed-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder holding the current feed for <paramref name="maximum"/> (written now when the store changed since), and what its gate held back.</summary>
    public async Task<MispFeedFolder> FolderAsync(Tlp maximum, CancellationToken cancellationToken)
    {
        var current = await revision.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (_feeds.TryGetValue(maximum, out var feed) && feed.Revision == current)
        {
            return feed;
        }

        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_feeds.TryGetValue(maximum, out feed) && feed.Revision == current)
            {
                return feed;
            }

            var folder = Path.Combine(_root, $"{maximum.ToWire()}-{current}");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var names = (await actors.ListAsync(null, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            var gate = new MarkingGate(maximum);
            await MispFeedWriter.WriteAsync(folder, AllAsync(cancellationToken), gate, id => names.GetValueOrDefault(id), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var written = new MispFeedFolder(current, folder, gate.RefusedTotal, gate.Refused);
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

    private async IAsyncEnumerable<Indicator> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await indicators.ListAsync(new IndicatorQuery(IndicatorQuery.MaxLimit, after), cancellationToken).ConfigureAwait(false);
            foreach (var indicator in page.Items)
            {
                yield return indicator;
            }

            after = page.Next;
        }
        while (after is not null);
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
