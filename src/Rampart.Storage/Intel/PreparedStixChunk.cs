using Rampart.Core.Indicators;
using Rampart.Core.Stix;

namespace Rampart.Storage.Intel;

/// <summary>
/// A chunk as <see cref="StixImportWriter.Prepare"/> hands it to the write: worked out on the reading thread, which
/// has time to spare while the writing thread, the import's critical path, writes the chunk before.
/// </summary>
internal sealed class PreparedStixChunk(IReadOnlyList<StixObjectVersion> objects, HashSet<string> ids, List<string> seenBefore, StixChunkEffects? allNew)
    : StixImportChunk(objects)
{
    private bool _written;

    /// <summary>Each id of the chunk once.</summary>
    public HashSet<string> Ids { get; } = ids;

    /// <summary>
    /// The ids that an earlier chunk of this import may have held: when the import began on an empty table, the only
    /// ones whose stored versions need looking up.
    /// </summary>
    public List<string> SeenBefore { get; } = seenBefore;

    /// <summary>
    /// For a write that finds every object new (the usual chunk of a bulk import), what the chunk does: every object is
    /// then its id's newest version. Null when the chunks before were not all new: the write works it out.
    /// </summary>
    public StixChunkEffects? AllNew { get; } = allNew;

    /// <summary>True when no id comes twice in the chunk.</summary>
    public bool IdsDistinct => Ids.Count == Objects.Count;

    /// <summary>
    /// Once per chunk: written again, its ids would not be among the ones it may find stored (<see cref="SeenBefore"/>
    /// holds only earlier chunks' ids), and its versions would go in twice.
    /// </summary>
    public void MarkWritten()
    {
        if (_written)
        {
            throw new InvalidOperationException("This chunk was written already; prepare the objects again.");
        }

        _written = true;
    }
}

/// <summary>What a chunk's newest versions do: the indicators to upsert, each (type, value, source) once, and the STIX ids whose indicators are revoked.</summary>
internal sealed record StixChunkEffects(NewIndicator[] Indicators, List<string> Revoke);
