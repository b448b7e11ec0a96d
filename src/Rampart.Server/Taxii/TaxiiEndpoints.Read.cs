using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rampart.Core;
using Rampart.Taxii;
using Rampart.Taxii.Objects;
using Rampart.Taxii.Resources;

namespace Rampart.Server.Taxii;

public static partial class TaxiiEndpoints
{
    /// <summary>
    /// The paged reads: objects (§5.4), an object (§5.6), its versions (§5.8), the manifest (§5.3).
    /// A read without <c>next</c> fixes its upper bound at the store's current high-water mark; its
    /// <c>next</c> names a stored cursor holding that bound, so every page comes from one consistent
    /// collection whichever process serves it, and objects added meanwhile are left to the next
    /// <c>added_after</c> read, which starts beyond the last one seen.
    /// </summary>
    private static async Task<TaxiiResult> ReadAsync(HttpContext context, string collectionId, string? objectId, TaxiiEndpoint endpoint)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<ITaxiiStore>();
        var options = services.GetRequiredService<IOptions<TaxiiOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var ct = context.RequestAborted;
        var user = context.User();

        var (collection, access, error) = await FindAsync(context, collectionId, store);
        if (error is not null)
        {
            return error;
        }

        if (!access!.CanRead)
        {
            return TaxiiResult.Error(StatusCodes.Status403Forbidden, "Forbidden", "This user may not read this collection (can_read is false).");
        }

        var request = context.Request.Query;
        var byIdAndType = endpoint is TaxiiEndpoint.Objects or TaxiiEndpoint.Manifest;
        if (!TaxiiQueryParser.TryParse(name => request.TryGetValue(name, out var v) ? v.ToString() : null, byIdAndType, endpoint != TaxiiEndpoint.Versions, out var query, out var problem))
        {
            return TaxiiResult.Error(StatusCodes.Status400BadRequest, "Bad Request", problem);
        }

        if (endpoint == TaxiiEndpoint.Versions)
        {
            query = query with { Version = TaxiiVersionFilter.Every };
        }

        var endpointName = endpoint.ToString().ToLowerInvariant();
        long after, upper;
        if (request.TryGetValue("next", out var nextValue))
        {
            var cursor = await store.GetCursorAsync(nextValue.ToString(), ct);
            if (cursor is null || cursor.CollectionId != collection!.Id || cursor.Endpoint != endpointName || cursor.ObjectId != objectId
                || !string.Equals(cursor.UserName, user.Name, StringComparison.OrdinalIgnoreCase))
            {
                return TaxiiResult.Error(StatusCodes.Status400BadRequest, "Bad Request", "next: unknown or expired, or it belongs to another request; start again without it.");
            }

            if (query.HasFilters && query.Fingerprint() != cursor.Fingerprint)
            {
                return TaxiiResult.Error(StatusCodes.Status400BadRequest, "Bad Request", "next must be used with the same match[] filters as the request that returned it.");
            }

            query = TaxiiQuery.FromFingerprint(cursor.Fingerprint, query.Limit);
            if (endpoint == TaxiiEndpoint.Versions)
            {
                query = query with { Version = TaxiiVersionFilter.Every };
            }

            (after, upper) = (cursor.After, cursor.Upper);
        }
        else
        {
            after = query.AddedAfter ?? -1;
            await TaxiiCaseSync.SyncAsync(services, collection!, ct);
            upper = await store.HighWaterMarkAsync(ct);
        }

        var limit = Math.Min(query.Limit ?? options.DefaultPageSize, options.MaxPageSize);
        var page = await store.ReadAsync(new TaxiiRead(collection!, collection!.VisibleLevels(access.Clearance), query, objectId, after, upper, limit), ct);

        if (objectId is not null && page.Entries.Count == 0 && !request.ContainsKey("next")
            && (await store.ReadAsync(new TaxiiRead(collection, collection.VisibleLevels(access.Clearance), TaxiiQuery.Empty with { Version = TaxiiVersionFilter.Every }, objectId, -1, upper, 1), ct)).Entries.Count == 0)
        {
            // §5.6/§5.8: 404 when "the Object ID [is] not found, or the client does not have access" — an object above the user's TLP is not found.
            return TaxiiResult.Error(StatusCodes.Status404NotFound, "Not Found", $"No object '{objectId}' in collection '{collection.Id}' for this user.");
        }

        string? next = null;
        if (page.More)
        {
            next = RampartId.New("next");
            await store.SaveCursorAsync(new TaxiiCursor(next, collection.Id, endpointName, objectId, user.Name, query.Fingerprint(), page.Entries[^1].DateAdded, upper, time.GetUtcNow() + options.CursorLifetime), ct);
        }

        var accepted = (TaxiiMediaTypes.Accepted)context.Items[AcceptedItem]!;
        var contentType = accepted == TaxiiMediaTypes.Accepted.Stix ? TaxiiMediaTypes.Stix : TaxiiMediaTypes.Taxii;
        return endpoint switch
        {
            TaxiiEndpoint.Objects or TaxiiEndpoint.SingleObject => new TaxiiResult(StatusCodes.Status200OK, w => TaxiiJson.WriteEnvelope(w, page, next), contentType).WithDateAdded(page),
            TaxiiEndpoint.Manifest => new TaxiiResult(StatusCodes.Status200OK, w => TaxiiJson.WriteManifest(w, page, next)).WithDateAdded(page),
            TaxiiEndpoint.Versions => new TaxiiResult(StatusCodes.Status200OK, w => TaxiiJson.WriteVersions(w, page, next)).WithDateAdded(page),
        };
    }
}
