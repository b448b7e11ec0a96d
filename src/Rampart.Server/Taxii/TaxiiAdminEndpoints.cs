using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Server.Platform.Auth;
using Rampart.Taxii;
using Rampart.Taxii.Collections;

namespace Rampart.Server.Taxii;

/// <summary>Managing what the TAXII server offers: collections, who may use them, and the pulls' history.</summary>
public static class TaxiiAdminEndpoints
{
    public sealed record NewCollectionRequest(string? Title, string? Description, string? Alias, string? Kind, string? Argument, string? Ceiling);

    public sealed record GrantRequest(string? Grantee, bool CanRead, bool CanWrite, string? Clearance);

    public static IEndpointRouteBuilder MapTaxiiAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/taxii").WithTags("taxii");
        group.MapGet("/collections", async (ITaxiiStore store, CancellationToken ct) => TypedResults.Ok(await store.ListCollectionsAsync(ct)))
            .RequireAuthorization(RampartAuth.ReaderPolicy);
        group.MapPost("/collections", CreateAsync).RequireAuthorization(RampartAuth.AdminPolicy)
            .WithSummary("A collection over Rampart's data (all, indicators, actor, tlp, case) or a writable inbox");
        group.MapPost("/collections/{id}/grants", GrantAsync).RequireAuthorization(RampartAuth.AdminPolicy)
            .WithSummary("What one user (or * for every user) may do with a collection, and their TLP clearance in it");
        group.MapGet("/grants", async (ITaxiiStore store, CancellationToken ct) => TypedResults.Ok(await store.ListGrantsAsync(ct)))
            .RequireAuthorization(RampartAuth.AdminPolicy)
            .WithSummary("Every grant: who may read or write which collection, up to which TLP level");
        group.MapDelete("/collections/{id}/grants/{grantee}", RevokeAsync).RequireAuthorization(RampartAuth.AdminPolicy)
            .WithSummary("Take away one grantee's rights on a collection");
        group.MapGet("/pulls", async (ITaxiiStore store, CancellationToken ct) => TypedResults.Ok(await store.ListPullStatesAsync(ct)))
            .RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("Each remote collection pulled: last run, objects fetched and imported, last error");
        return app;
    }

    private static async Task<IResult> CreateAsync(NewCollectionRequest request, HttpContext context, ITaxiiStore store, TaxiiCollectionDefinitions definitions, CancellationToken ct)
    {
        var (collection, error) = await definitions.DefineAsync(request.Title, request.Description, request.Alias, request.Kind, request.Argument, request.Ceiling, ct);
        if (collection is null)
        {
            return BadRequest(error!);
        }

        await store.CreateCollectionAsync(collection, context.ChangeContext(), ct);
        return TypedResults.Created($"{TaxiiOptions.ApiRootPath}collections/{collection.Id}/", collection);
    }

    private static async Task<IResult> GrantAsync(string id, GrantRequest request, HttpContext context, ITaxiiStore store, CancellationToken ct)
    {
        if (await store.GetCollectionAsync(id, ct) is null)
        {
            return TypedResults.Problem($"no collection '{id}'", statusCode: StatusCodes.Status404NotFound);
        }

        var (grant, error) = TaxiiCollectionDefinitions.Grant(id, request.Grantee, request.CanRead, request.CanWrite, request.Clearance);
        if (grant is null)
        {
            return BadRequest(error!);
        }

        await store.GrantAsync(grant, context.ChangeContext(), ct);
        return TypedResults.Ok(grant);
    }

    private static async Task<IResult> RevokeAsync(string id, string grantee, HttpContext context, ITaxiiStore store, CancellationToken ct) =>
        await store.RevokeAsync(id, grantee, context.ChangeContext(), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"no grant to '{grantee}' on collection '{id}'", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
