using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rampart.Cases.Rpz;
using Rampart.Core.Actors;
using Rampart.Core.Markings;
using Rampart.Server.Intel;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Cases;

/// <summary>
/// <c>GET /api/v1/rpz</c>: the RPZ zone file, as <c>rampart rpz export</c> writes it, for readers
/// (API key or session). Only seized or sinkholed cases, or an indicator set named explicitly;
/// naming another case answers 409. Unset parameters fall back to <c>Rpz:Transfer</c>'s zone settings.
/// An indicator set is capped at the caller's TLP ceiling (lowered further by <c>tlp_max</c>; RED
/// never) and holds only live indicators; the response says what it left out as every export does
/// (<c>X-Rampart-Withheld</c>, <c>X-Rampart-Not-Live</c>) and so does the zone file's header comment.
/// </summary>
public static class RpzEndpoints
{
    public static IEndpointRouteBuilder MapRpz(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/rpz", ZoneAsync).WithTags("cases").RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("The RPZ zone file: ?case=…&actor=…&source=…&policy=local-data|nxdomain|nodata&sinkhole=IP&origin=…&tlp_max=…; an actor's or source's indicators only up to the caller's TLP ceiling (X-Rampart-Withheld) and only live ones (X-Rampart-Not-Live)");
        return app;
    }

    private static async Task<IResult> ZoneAsync(
        string[]? @case, string? actor, string? source, string? policy, string[]? sinkhole, string? origin, string? tlp_max,
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

        var maximum = context.TlpCeiling();
        if (tlp_max is not null)
        {
            if (!TlpCeilings.TryParse(tlp_max, out var asked, out var error))
            {
                return TypedResults.Problem($"tlp_max: {error}", statusCode: StatusCodes.Status400BadRequest);
            }

            maximum = asked.Value < maximum ? asked.Value : maximum;
        }

        var named = @case ?? [];
        var selection = new RpzSelection(named, AllPublishableCases: named.Length == 0 && actorId is null && source is null, actorId, source, IndicatorTlpMax: maximum);
        try
        {
            var export = await publisher.ExportAsync(selection, zoneOptions, context.ChangeContext(), ct);
            context.ReportWithheld(export.Markings, "rpz");
            context.ReportNotLive(export.Lifecycle, "rpz");
            var comment = $"RPZ zone {export.Zone.Origin} serial {export.Zone.Serial}, written by Rampart";
            if (selection.UsesIndicators)
            {
                comment += "\n" + export.LeftOut;
            }

            return TypedResults.Text(export.Zone.ToZoneFile(comment), "text/dns; charset=utf-8");
        }
        catch (RpzRefusedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
