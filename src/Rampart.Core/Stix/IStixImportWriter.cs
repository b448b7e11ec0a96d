namespace Rampart.Core.Stix;

/// <summary>
/// Writes the objects of one bundle inside the import's transaction, chunk by chunk, so a bundle
/// of a million objects never sits in memory whole yet lands all at once or not at all.
/// </summary>
public interface IStixImportWriter
{
    /// <summary>
    /// Works out what the write of a chunk needs from the chunk and the chunks before it alone (its ids, the
    /// indicators it derives, each once), so the thread that writes, an import's critical path, does less.
    /// Called for every chunk in bundle order, once, from one thread at a time; it may run while
    /// <see cref="WriteAsync(StixImportChunk, CancellationToken)"/> writes an earlier chunk on another thread.
    /// </summary>
    StixImportChunk Prepare(IReadOnlyList<StixObjectVersion> objects);

    /// <summary>
    /// Stores each version not stored yet, with its derived indicators; a version already stored is
    /// unchanged and writes nothing, so re-importing a bundle writes nothing. Chunks are written in the
    /// order they were prepared.
    /// </summary>
    Task<StixWriteCounts> WriteAsync(StixImportChunk chunk, CancellationToken cancellationToken);

    /// <summary>Prepares and writes a chunk on the calling thread.</summary>
    Task<StixWriteCounts> WriteAsync(IReadOnlyList<StixObjectVersion> objects, CancellationToken cancellationToken) =>
        WriteAsync(Prepare(objects), cancellationToken);

    /// <summary>The ids among <paramref name="ids"/> the store already holds (any version), to tell a dangling reference from one to an earlier import.</summary>
    Task<IReadOnlySet<string>> KnownIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Attributes the indicators derived from these STIX indicator objects to an actor (an <c>indicates</c> relationship); returns how many changed.</summary>
    Task<int> AttributeAsync(IReadOnlyCollection<string> stixIndicatorIds, string actorId, CancellationToken cancellationToken);
}
