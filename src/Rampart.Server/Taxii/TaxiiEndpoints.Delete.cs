using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Taxii;
using Rampart.Taxii.Objects;

namespace Rampart.Server.Taxii;

public static partial class TaxiiEndpoints
{
    /// <summary>Versions of one object, far more than any object has: a delete takes them all in one read.</summary>
    private const int MaxVersionsPerDelete = 100_000;

    /// <summary>
    /// §5.7 Delete an Object (taxii-v2.1-os): "deletes an object from a Collection by its id"; to remove
    /// "a particular version" it takes match[version] (and match[spec_version]); without one the object,
    /// every version, goes. "The DELETE endpoint is only supported for collections where both can_read is
    /// true and can_write is true": neither is 404 (FindAsync), one of them 403 (views over the store
    /// are never writable, only inboxes are). 404 when the object, or every version the filters name,
    /// is absent or above the user's TLP clearance: a user learns nothing of what they may not see.
    /// 200 with the TAXII Content-Type and no payload. The stored STIX versions stay (§5.7: other
    /// collections "MAY" still serve them); only the inbox forgets them, as one audited change.
    /// </summary>
    private static async Task<TaxiiResult> DeleteObjectAsync(HttpContext context, string collectionId, string objectId)
    {
        var store = context.RequestServices.GetRequiredService<ITaxiiStore>();
        var ct = context.RequestAborted;
        var (collection, access, error) = await FindAsync(context, collectionId, store);
        if (error is not null)
        {
            return error;
        }

        if (!(access!.CanRead && access.CanWrite))
        {
            return TaxiiResult.Error(StatusCodes.Status403Forbidden, "Forbidden", "Deleting needs both can_read and can_write on this collection (§5.7).");
        }

        var request = context.Request.Query;
        if (!TaxiiQueryParser.TryParse(name => request.TryGetValue(name, out var v) ? v.ToString() : null, allowIdAndType: false, allowVersion: true, out var query, out var problem))
        {
            return TaxiiResult.Error(StatusCodes.Status400BadRequest, "Bad Request", problem);
        }

        if (!request.ContainsKey("match[version]"))
        {
            query = query with { Version = TaxiiVersionFilter.Every };
        }

        // Only the filters of §5.7 apply: a paging position or a limit has no meaning here.
        query = query with { AddedAfter = null, Limit = null };
        var upper = await store.HighWaterMarkAsync(ct);
        var found = await store.ReadAsync(new TaxiiRead(collection!, collection!.VisibleLevels(access.Clearance), query, objectId, -1, upper, MaxVersionsPerDelete), ct);
        if (found.Entries.Count == 0
            || await store.RemoveFromCollectionAsync(collection.Id, found.Entries.Select(e => (e.Id, e.Modified)).ToList(), context.ChangeContextFor(), ct) == 0)
        {
            return TaxiiResult.Error(StatusCodes.Status404NotFound, "Not Found", $"No object '{objectId}' in collection '{collection.Id}' matches for this user.");
        }

        return TaxiiResult.Empty(StatusCodes.Status200OK);
    }
}
