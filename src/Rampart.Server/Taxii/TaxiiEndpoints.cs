using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rampart.Taxii;
using Rampart.Taxii.Collections;
using Rampart.Taxii.Objects;
using Rampart.Taxii.Resources;

namespace Rampart.Server.Taxii;

/// <summary>
/// The TAXII 2.1 server (taxii-v2.1-os): discovery (§4.1), the API root (§4.2), status (§4.3),
/// collections (§5.1, §5.2), manifest (§5.3), objects (§5.4, §5.5), an object (§5.6), deleting it
/// from an inbox (§5.7), its versions (§5.8). Every request is authenticated (401), negotiated (406), and only then routed; a collection
/// a user has no rights on does not exist for them (404).
/// </summary>
public static partial class TaxiiEndpoints
{
    internal const string UserItem = "rampart.taxii.user";
    internal const string AcceptedItem = "rampart.taxii.accepted";

    public static IEndpointRouteBuilder MapTaxii(this IEndpointRouteBuilder app)
    {
        var taxii = app.MapGroup("/taxii2").AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(AuthenticateAndNegotiateAsync);
        taxii.MapGet("/", Discovery);
        var root = taxii.MapGroup("/rampart");
        root.MapGet("/", ApiRoot);
        root.MapGet("/status/{statusId}/", StatusAsync);
        root.MapGet("/collections/", CollectionsAsync);
        root.MapGet("/collections/{collectionId}/", CollectionAsync);
        root.MapGet("/collections/{collectionId}/manifest/", (HttpContext c, string collectionId) => ReadAsync(c, collectionId, null, TaxiiEndpoint.Manifest));
        root.MapGet("/collections/{collectionId}/objects/", (HttpContext c, string collectionId) => ReadAsync(c, collectionId, null, TaxiiEndpoint.Objects))
            .WithMetadata(StixAllowed.Instance);
        root.MapPost("/collections/{collectionId}/objects/", AddObjectsAsync);
        root.MapGet("/collections/{collectionId}/objects/{objectId}/", (HttpContext c, string collectionId, string objectId) => ReadAsync(c, collectionId, objectId, TaxiiEndpoint.SingleObject))
            .WithMetadata(StixAllowed.Instance);
        root.MapDelete("/collections/{collectionId}/objects/{objectId}/", DeleteObjectAsync);
        root.MapGet("/collections/{collectionId}/objects/{objectId}/versions/", (HttpContext c, string collectionId, string objectId) => ReadAsync(c, collectionId, objectId, TaxiiEndpoint.Versions));
        return app;
    }

    /// <summary>Marks the endpoints that may answer with the STIX media type.</summary>
    private sealed class StixAllowed
    {
        public static readonly StixAllowed Instance = new();
    }

    /// <summary>
    /// 401 before anything else ("The client needs to authenticate"), with a Basic challenge; then 406
    /// when the Accept header names no media type we serve (§3.1: a media type not defined for the endpoint "MAY result in an HTTP 406"; §1.6.8.1 defines only application/taxii+json, and we also serve STIX 2.1 where objects are returned).
    /// </summary>
    private static async ValueTask<object?> AuthenticateAndNegotiateAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var user = await context.RequestServices.GetRequiredService<TaxiiAuthenticator>().AuthenticateAsync(context);
        if (user is null)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Rampart TAXII\", charset=\"UTF-8\"";
            return TaxiiResult.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Authenticate with HTTP Basic (user and password, or an API key as the password) or a Bearer API key.");
        }

        var stixAllowed = context.GetEndpoint()?.Metadata.GetMetadata<StixAllowed>() is not null;
        var accepted = TaxiiMediaTypes.Negotiate(context.Request.Headers.Accept.ToString(), stixAllowed);
        if (accepted == TaxiiMediaTypes.Accepted.None)
        {
            return TaxiiResult.Error(StatusCodes.Status406NotAcceptable, "Not Acceptable",
                $"The Accept header must allow {TaxiiMediaTypes.Taxii}{(stixAllowed ? $" or {TaxiiMediaTypes.Stix}" : "")}.");
        }

        context.Items[UserItem] = user;
        context.Items[AcceptedItem] = accepted;
        return await next(invocation);
    }

    internal static TaxiiUser User(this HttpContext context) => (TaxiiUser)context.Items[UserItem]!;

    private static string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    /// <summary>§4.1.1 "discovery": the one API root is also the default.</summary>
    private static TaxiiResult Discovery(HttpContext context)
    {
        var root = Base(context) + TaxiiOptions.ApiRootPath;
        return new TaxiiResult(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("title", "Rampart TAXII 2.1");
            writer.WriteString("description", "Threat intelligence from Rampart: indicators, actors, TLP-filtered views and inboxes.");
            writer.WriteString("default", root);
            writer.WriteStartArray("api_roots");
            writer.WriteStringValue(root);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>§4.2.1 "api-root": versions and max_content_length are required.</summary>
    private static TaxiiResult ApiRoot(IOptions<TaxiiOptions> options) =>
        new(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("title", "Rampart");
            writer.WriteString("description", "Rampart's collections.");
            writer.WriteStartArray("versions");
            writer.WriteStringValue(TaxiiMediaTypes.Taxii);
            writer.WriteEndArray();
            writer.WriteNumber("max_content_length", options.Value.MaxContentLength);
            writer.WriteEndObject();
        });

    /// <summary>§4.3: a status is visible to the user who made the request, and to admins.</summary>
    private static async Task<TaxiiResult> StatusAsync(HttpContext context, string statusId, ITaxiiStore store)
    {
        var status = await store.GetStatusAsync(statusId, context.RequestAborted);
        var user = context.User();
        if (status is null || !(user.IsAdmin || string.Equals(status.UserName, user.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return TaxiiResult.Error(StatusCodes.Status404NotFound, "Not Found", $"No status '{statusId}' for this user.");
        }

        return new TaxiiResult(StatusCodes.Status200OK, writer => TaxiiJson.WriteStatus(writer, status));
    }

    /// <summary>§5.1: the collections this user can read or write; none is the empty resource <c>{}</c>.</summary>
    private static async Task<TaxiiResult> CollectionsAsync(HttpContext context, ITaxiiStore store)
    {
        var user = context.User();
        var grants = await store.GrantsForAsync(user.Name, context.RequestAborted);
        var visible = (await store.ListCollectionsAsync(context.RequestAborted))
            .Select(c => (Collection: c, Access: TaxiiAccess.For(c, user.Name, user.IsAdmin, grants)))
            .Where(c => c.Access.Any)
            .ToList();
        return new TaxiiResult(StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            if (visible.Count > 0)
            {
                writer.WriteStartArray("collections");
                foreach (var (collection, access) in visible)
                {
                    TaxiiJson.WriteCollection(writer, collection, access);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });
    }

    private static async Task<TaxiiResult> CollectionAsync(HttpContext context, string collectionId, ITaxiiStore store)
    {
        var (collection, access, error) = await FindAsync(context, collectionId, store);
        return error ?? new TaxiiResult(StatusCodes.Status200OK, writer => TaxiiJson.WriteCollection(writer, collection!, access!));
    }

    /// <summary>The collection and this user's access, or 404 when it does not exist or they have no rights on it.</summary>
    private static async Task<(TaxiiCollection? Collection, TaxiiAccess? Access, TaxiiResult? Error)> FindAsync(HttpContext context, string collectionId, ITaxiiStore store)
    {
        var user = context.User();
        var collection = await store.GetCollectionAsync(collectionId, context.RequestAborted);
        if (collection is not null)
        {
            var access = TaxiiAccess.For(collection, user.Name, user.IsAdmin, await store.GrantsForAsync(user.Name, context.RequestAborted));

            // No grant clears a caller past their own (or their API key's) TLP ceiling.
            if (access.Clearance > user.Ceiling)
            {
                access = access with { Clearance = user.Ceiling };
            }

            if (access.Any)
            {
                return (collection, access, null);
            }
        }

        return (null, null, TaxiiResult.Error(StatusCodes.Status404NotFound, "Not Found", $"No collection '{collectionId}' for this user."));
    }
}
