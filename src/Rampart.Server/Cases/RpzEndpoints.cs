using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rampart.Cases.Rpz;
using Rampart.Core.Actors;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Cases;

/// <summary>
/// <c>GET /api/v1/rpz</c>: the RPZ zone file, as <c>rampart rpz export</c> writes it, for readers
/// (API key or session). Only seized or sinkholed cases, or an indicator set named explicitly;
/// naming another case answers 409. Unset parameters fall back to <c>Rpz:Transfer</c>'s zone settings.
/// </summary>
public static class RpzEndpoints
{
    public static IEndpointRouteBuilder MapRpz(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/rpz", ZoneAsync).WithTags("cases").RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("The RPZ zone file: ?case=…&actor=…&source=…&policy=local-data|nxdomain|nodata&sinkhole=IP&origin=…");
        return app;
    }

    private static async Task<IResult> ZoneAsync(
        string[]? @case, string? actor, string? source, string? policy, string[]? sinkhole, string? origin,
        HttpContext context, RpzPublisher publisher, IActorStore actors, IOptions<RpzTransferSettings> configured, CancellationToken ct)
    {
        var settings = new RpzTransferSettings
        {
            Origin = origin ?? configured.Value.Origin,
            Policy = policy ?? configured.Value.Policy,
            Ttl = configured.Value.Ttl,
        };
        foreach (var address in sinkhole is { Length: > 0 } ? sinkhole : [.. configured.Value.SinkholeAddresses])
        {
            settings.SinkholeAddresses.Add(address);
        }

        var zoneOptions = settings.ToZoneOptions(out var problems);
        if (problems.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", problems), statusCode: StatusCodes.Status400BadRequest);
        }

        string? actorId = null;
        if (actor is { Length: > 0 })
        {
            var found = await actors.FindByNameAsync(actor, ct);
            if (found.Count != 1)
            {
                return TypedResults.Problem(found.Count == 0 ? $"no actor named {actor}" : $"{actor} names {found.Count} actors", statusCode: StatusCodes.Status400BadRequest);
            }

            actorId = found[0].Id;
        }

        var named = @case ?? [];
        var selection = new RpzSelection(named, AllPublishableCases: named.Length == 0 && actorId is null && source is null, actorId, source);
        try
        {
            var export = await publisher.ExportAsync(selection, zoneOptions, context.ChangeContext(), ct);
            return TypedResults.Text(export.Zone.ToZoneFile($"RPZ zone {export.Zone.Origin} serial {export.Zone.Serial}, written by Rampart"), "text/dns; charset=utf-8");
        }
        catch (RpzRefusedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
