using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Actors;
using Rampart.Core.Markings;
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
            .WithSummary("A collection over Rampart's data (all, indicators, actor, tlp) or a writable inbox");
        group.MapPost("/collections/{id}/grants", GrantAsync).RequireAuthorization(RampartAuth.AdminPolicy)
            .WithSummary("What one user (or * for every user) may do with a collection, and their TLP clearance in it");
        group.MapGet("/pulls", async (ITaxiiStore store, CancellationToken ct) => TypedResults.Ok(await store.ListPullStatesAsync(ct)))
            .RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("Each remote collection pulled: last run, objects fetched and imported, last error");
        return app;
    }

    private static async Task<IResult> CreateAsync(NewCollectionRequest request, HttpContext context, ITaxiiStore store, IActorStore actors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title) || !Enum.TryParse<TaxiiCollectionKind>(request.Kind, ignoreCase: true, out var kind))
        {
            return BadRequest("title and kind (all, indicators, actor, tlp, inbox) are required");
        }

        var ceiling = Tlp.AmberStrict;
        if (request.Ceiling is not null)
        {
            if (!TlpLevels.TryParse(request.Ceiling, out var parsed) || parsed == Tlp.Red)
            {
                return BadRequest($"ceiling: '{request.Ceiling}' is not clear, green, amber or amber+strict (RED never leaves)");
            }

            ceiling = parsed.Value;
        }

        var argument = request.Argument;
        switch (kind)
        {
            case TaxiiCollectionKind.Actor:
                var found = await actors.FindByNameAsync(argument ?? "", ct);
                if (found.Count != 1)
                {
                    return BadRequest(found.Count == 0 ? $"argument: unknown actor '{argument}'" : $"argument: actor '{argument}' is ambiguous: {string.Join(", ", found.Select(a => a.Name))}");
                }

                argument = found[0].Id;
                break;
            case TaxiiCollectionKind.Tlp:
                if (!TlpLevels.TryParse(argument, out var level) || level == Tlp.Red)
                {
                    return BadRequest("argument: a TLP level (clear, green, amber, amber+strict)");
                }

                argument = level.Value.ToWire();
                break;
            case TaxiiCollectionKind.All:
            case TaxiiCollectionKind.Indicators:
            case TaxiiCollectionKind.Inbox:
                argument = null;
                break;
        }

        var collection = new TaxiiCollection(Guid.NewGuid().ToString(), request.Title.Trim(), request.Description, request.Alias, kind, argument, ceiling);
        await store.CreateCollectionAsync(collection, context.ChangeContext(), ct);
        return TypedResults.Created($"{TaxiiOptions.ApiRootPath}collections/{collection.Id}/", collection);
    }

    private static async Task<IResult> GrantAsync(string id, GrantRequest request, HttpContext context, ITaxiiStore store, CancellationToken ct)
    {
        if (await store.GetCollectionAsync(id, ct) is null)
        {
            return TypedResults.Problem($"no collection '{id}'", statusCode: StatusCodes.Status404NotFound);
        }

        if (string.IsNullOrWhiteSpace(request.Grantee))
        {
            return BadRequest("grantee: a user name, or * for every user");
        }

        var clearance = Tlp.Green;
        if (request.Clearance is not null)
        {
            if (!TlpLevels.TryParse(request.Clearance, out var parsed))
            {
                return BadRequest($"clearance: unknown TLP level '{request.Clearance}'");
            }

            clearance = parsed.Value;
        }

        var grant = new TaxiiGrant(id, request.Grantee.Trim(), request.CanRead, request.CanWrite, clearance);
        await store.GrantAsync(grant, context.ChangeContext(), ct);
        return TypedResults.Ok(grant);
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
