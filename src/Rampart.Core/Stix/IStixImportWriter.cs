namespace Rampart.Core.Stix;

/// <summary>
/// Writes the objects of one bundle inside the import's transaction, chunk by chunk, so a bundle
/// of a million objects never sits in memory whole yet lands all at once or not at all.
/// </summary>
public interface IStixImportWriter
{
    /// <summary>
    /// Stores each version not stored yet, with its derived indicators; a version already stored is
    /// unchanged and writes nothing, so re-importing a bundle writes nothing.
    /// </summary>
    Task<StixWriteCounts> WriteAsync(IReadOnlyList<StixObjectVersion> objects, CancellationToken cancellationToken);

    /// <summary>The ids among <paramref name="ids"/> the store already holds (any version), to tell a dangling reference from one to an earlier import.</summary>
    Task<IReadOnlySet<string>> KnownIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Attributes the indicators derived from these STIX indicator objects to an actor (an <c>indicates</c> relationship); returns how many changed.</summary>
    Task<int> AttributeAsync(IReadOnlyCollection<string> stixIndicatorIds, string actorId, CancellationToken cancellationToken);
}
