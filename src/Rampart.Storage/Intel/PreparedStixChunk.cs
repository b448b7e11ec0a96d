using Rampart.Core.Indicators;
using Rampart.Core.Stix;

namespace Rampart.Storage.Intel;

/// <summary>
/// A chunk as <see cref="StixImportWriter.Prepare"/> hands it to the write: worked out on the reading thread, which
/// has time to spare while the writing thread, the import's critical path, writes the chunk before.
/// </summary>
internal sealed class PreparedStixChunk(
    IReadOnlyList<StixObjectVersion> objects, HashSet<string> ids, List<string> seenBefore, NewIndicator[]? indicatorsOnce, int repeatedIndicators)
    : StixImportChunk(objects)
{
    /// <summary>Each id of the chunk once.</summary>
    public HashSet<string> Ids { get; } = ids;

    /// <summary>
    /// The ids that an earlier chunk of this import may have held (<see cref="StoredIdFilter"/>): when the import
    /// began on an empty table, the only ones whose stored versions need looking up.
    /// </summary>
    public List<string> SeenBefore { get; } = seenBefore;

    /// <summary>
    /// For a write that finds every object new (the usual chunk of a bulk import): the indicators of the objects not
    /// revoked, in bundle order, each (type, value, source) once at its last occurrence; <see cref="RepeatedIndicators"/>
    /// the earlier occurrences left out. Null when the chunks before were not all new: the write works them out.
    /// </summary>
    public NewIndicator[]? IndicatorsOnce { get; } = indicatorsOnce;

    public int RepeatedIndicators { get; } = repeatedIndicators;

    /// <summary>True when no id comes twice in the chunk.</summary>
    public bool IdsDistinct => Ids.Count == Objects.Count;
}
