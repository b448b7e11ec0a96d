using Rampart.Core.Indicators;
using Rampart.Core.Stix;

namespace Rampart.Storage.Intel;

/// <summary>
/// The reading thread's share of a write (<see cref="IStixImportWriter.Prepare"/>): the chunk's ids, those an earlier
/// chunk may have held, and its indicators each once. perf on the writing thread, the import's critical path, put
/// this bookkeeping at ~11 % of its samples (string hashing, the filter's cache misses, the de-duplication).
/// </summary>
internal sealed partial class StixImportWriter
{
    // The ids of the chunks prepared so far, touched by Prepare only (on the reading thread) until the last chunk:
    // the first chunk's own id set, then, from a second chunk on, a StoredIdFilter (8 MB: a one-chunk import, such
    // as a TAXII add-objects request, never pays for it).
    private HashSet<string>? _firstChunkIds;
    private StoredIdFilter? _seenIds;

    // Hints from the writing thread to Prepare, read without a lock: at worst a chunk is prepared with what its
    // write does not use, or the write works out what was not prepared. The seen ids are wanted until a look-up
    // by all ids is certain (a store not empty at the start, PostgreSQL); the indicators while chunks are all new
    // (a re-import's are all unchanged, and its reading thread is the slower stage).
    private volatile bool _seenIdsWanted;
    private volatile bool _chunksAllNew = true;

    /// <summary>True once the import keeps its seen ids in a <see cref="StoredIdFilter"/> (for tests).</summary>
    internal bool KeepsSeenIdFilter => _seenIds is not null;

    public StixImportChunk Prepare(IReadOnlyList<StixObjectVersion> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var ids = new HashSet<string>(objects.Count, StringComparer.Ordinal);
        foreach (var item in objects)
        {
            ids.Add(item.Id);
        }

        var seenBefore = new List<string>();
        if (_seenIdsWanted)
        {
            // Asked before the chunk's own ids go in: a look-up happens before the chunk's inserts.
            foreach (var id in ids)
            {
                if (MayHaveSeen(id))
                {
                    seenBefore.Add(id);
                }
            }

            RememberSeen(ids);
        }

        return new PreparedStixChunk(objects, ids, seenBefore, _chunksAllNew ? EffectsOf(objects) : null);
    }

    /// <summary>False when no chunk prepared before held the id; true when one may have.</summary>
    private bool MayHaveSeen(string id) => _seenIds?.MayContain(id) ?? _firstChunkIds?.Contains(id) ?? false;

    private void RememberSeen(HashSet<string> ids)
    {
        if (_seenIds is null && _firstChunkIds is null)
        {
            // Shared with the chunk, which only reads it.
            _firstChunkIds = ids;
            return;
        }

        if (_seenIds is null)
        {
            _seenIds = new StoredIdFilter();
            foreach (var id in _firstChunkIds!)
            {
                _seenIds.Add(id);
            }

            _firstChunkIds = null;
        }

        foreach (var id in ids)
        {
            _seenIds.Add(id);
        }
    }

    /// <summary>
    /// What versions that are each their id's newest do, in bundle order: the indicators of those not revoked, each
    /// (type, value, source) once at its last occurrence, and the ids of those revoked.
    /// </summary>
    private static StixChunkEffects EffectsOf(IEnumerable<StixObjectVersion> newest)
    {
        var indicators = new List<NewIndicator>();
        var revoke = new List<string>();
        foreach (var item in newest)
        {
            if (item.Revoked)
            {
                revoke.Add(item.Id);
            }
            else if (item.Indicators is { Count: > 0 } derived)
            {
                indicators.AddRange(derived);
            }
        }

        return new StixChunkEffects(IndicatorStore.LastOccurrences(indicators).Unique, revoke);
    }
}
