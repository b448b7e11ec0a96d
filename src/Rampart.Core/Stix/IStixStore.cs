using Rampart.Core.Auditing;
using Rampart.Core.Storage;

namespace Rampart.Core.Stix;

/// <summary>STIX objects, every version kept, and the indicators derived from them.</summary>
public interface IStixStore
{
    /// <summary>
    /// Runs <paramref name="import"/> inside one change transaction: everything it writes through the
    /// writer lands together, or nothing does (an exception, a crash). Writing nothing new leaves the
    /// store revision as it was.
    /// </summary>
    Task<T> ImportAsync<T>(string source, Func<IStixImportWriter, Task<T>> import, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>As the other overload; <paramref name="access"/> says whether the import may hold the store for itself.</summary>
    Task<T> ImportAsync<T>(string source, Func<IStixImportWriter, Task<T>> import, ChangeContext context, StoreAccess access, CancellationToken cancellationToken);

    /// <summary>The newest version of each selected object, streamed in id order.</summary>
    IAsyncEnumerable<StoredStixObject> StreamAsync(StixSelection selection, CancellationToken cancellationToken);

    /// <summary>The newest version of the relationships whose source or target is one of <paramref name="ids"/>.</summary>
    Task<IReadOnlyList<StoredStixObject>> RelationshipsOfAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The newest version of objects of <paramref name="type"/> whose name or external id (ATT&amp;CK's G0007) is <paramref name="nameOrExternalId"/>, any case.</summary>
    Task<IReadOnlyList<StoredStixObject>> FindAsync(string type, string nameOrExternalId, CancellationToken cancellationToken);
}
