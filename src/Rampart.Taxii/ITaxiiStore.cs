using Rampart.Core.Auditing;
using Rampart.Taxii.Client;
using Rampart.Taxii.Collections;
using Rampart.Taxii.Objects;
using Rampart.Taxii.Resources;

namespace Rampart.Taxii;

/// <summary>
/// What the TAXII server and client keep in the store. <c>date_added</c> is assigned by the store when
/// an object version is stored (or added to an inbox): one clock, strictly increasing across every
/// process sharing the store, committed in that order, so a paged read by <c>date_added</c> misses nothing.
/// </summary>
public interface ITaxiiStore
{
    Task CreateCollectionAsync(TaxiiCollection collection, ChangeContext context, CancellationToken cancellationToken);

    Task<IReadOnlyList<TaxiiCollection>> ListCollectionsAsync(CancellationToken cancellationToken);

    Task<TaxiiCollection?> GetCollectionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Sets one grantee's rights on a collection, replacing earlier ones.</summary>
    Task GrantAsync(TaxiiGrant grant, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Takes one grantee's rights on a collection away; false when they had none there.</summary>
    Task<bool> RevokeAsync(string collectionId, string grantee, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Every grant, by collection then grantee.</summary>
    Task<IReadOnlyList<TaxiiGrant>> ListGrantsAsync(CancellationToken cancellationToken);

    /// <summary>The grants naming this user or everyone.</summary>
    Task<IReadOnlyList<TaxiiGrant>> GrantsForAsync(string userName, CancellationToken cancellationToken);

    /// <summary>The highest <c>date_added</c> committed so far: where a new paged read stops.</summary>
    Task<long> HighWaterMarkAsync(CancellationToken cancellationToken);

    Task<TaxiiPage> ReadAsync(TaxiiRead read, CancellationToken cancellationToken);

    Task SaveCursorAsync(TaxiiCursor cursor, CancellationToken cancellationToken);

    Task<TaxiiCursor?> GetCursorAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds these stored object versions to an inbox (each once), each with a new <c>date_added</c>.</summary>
    Task<int> AddToCollectionAsync(string collectionId, IReadOnlyList<(string Id, DateTimeOffset? Modified)> versions, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>
    /// §5.7 Delete An Object: takes these object versions out of an inbox (the stored STIX versions stay,
    /// other collections may serve them). Returns how many were removed.
    /// </summary>
    Task<int> RemoveFromCollectionAsync(string collectionId, IReadOnlyList<(string Id, DateTimeOffset? Modified)> versions, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Brings a case collection up to date: the stored indicator object versions whose domain indicator is
    /// one of <paramref name="domains"/> and that it does not hold yet join it, each with a new <c>date_added</c>.
    /// </summary>
    Task<int> SyncCaseAsync(string collectionId, IReadOnlyList<string> domains, ChangeContext context, CancellationToken cancellationToken);

    Task SaveStatusAsync(TaxiiStatus status, CancellationToken cancellationToken);

    Task<TaxiiStatus?> GetStatusAsync(string id, CancellationToken cancellationToken);

    /// <summary>Where the last pull of one remote collection ended, and how it went.</summary>
    Task<TaxiiPullState?> GetPullStateAsync(string source, CancellationToken cancellationToken);

    Task SavePullStateAsync(TaxiiPullState state, CancellationToken cancellationToken);

    Task<IReadOnlyList<TaxiiPullState>> ListPullStatesAsync(CancellationToken cancellationToken);
}
