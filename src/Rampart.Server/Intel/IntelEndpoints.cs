using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Intel.Import;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Lists;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Intel;

public static class IntelEndpoints
{
    public static IEndpointRouteBuilder MapIntel(this IEndpointRouteBuilder app)
    {
        var actors = app.MapGroup("/api/v1/actors").WithTags("actors").RequireAuthorization(RampartAuth.ReaderPolicy);
        actors.MapGet("/", async (string? name, string? country, IActorStore store, CancellationToken ct) =>
            TypedResults.Ok(name is null ? await store.ListAsync(country, ct) : await store.FindByNameAsync(name, ct)))
            .WithSummary("Actors by country, or every actor one of whose names matches `name` (several are candidates)");
        actors.MapGet("/{id}", async Task<IResult> (string id, IActorStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } actor ? TypedResults.Ok(actor) : NotFound($"no actor with id '{id}'"));

        var indicators = app.MapGroup("/api/v1/indicators").WithTags("indicators").RequireAuthorization(RampartAuth.ReaderPolicy);
        indicators.MapGet("/", ListAsync).WithSummary("Indicators in id order; pass `next` back as `after` for the next page");
        indicators.MapGet("/{id}", ShowAsync).WithSummary("One indicator with its lifecycle (status, decay score, why); 404 when it is above the caller's TLP ceiling");
        indicators.MapPost("/{id}/sightings", SightingAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Records a sighting: its decay starts over; with false_positive its confidence drops instead");
        indicators.MapPost("/", CreateAsync).RequireAuthorization(RampartAuth.AnalystPolicy);
        indicators.MapPost("/batch", BatchAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Imports many indicators as one transaction: all or none, unless skip_invalid");
        indicators.MapPost("/{id}/revoke", async Task<IResult> (string id, HttpContext context, IIndicatorStore store, CancellationToken ct) =>
            await store.RevokeAsync(id, context.ChangeContext(), ct) ? TypedResults.NoContent() : NotFound($"no indicator with id '{id}'"))
            .RequireAuthorization(RampartAuth.AnalystPolicy);
        app.MapMisp();
        app.MapIntelExports();
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? type, string? actor, string? source, string? after, int? limit, bool? includeRevoked,
        HttpContext context, IIndicatorStore store, IActorStore actors, IndicatorLifecycle lifecycle, TimeProvider time, CancellationToken ct)
    {
        IndicatorType? parsedType = null;
        if (type is not null)
        {
            if (!IndicatorTypes.TryParse(type, out parsedType))
            {
                return BadRequest($"unknown type '{type}'; one of {string.Join(", ", IndicatorTypes.WireNames)}");
            }
        }

        string? actorId = null;
        if (actor is not null)
        {
            var candidates = await actors.FindByNameAsync(actor, ct);
            if (candidates.Count != 1)
            {
                return BadRequest(candidates.Count == 0 ? $"unknown actor '{actor}'" : $"actor '{actor}' is ambiguous: {string.Join(", ", candidates.Select(a => a.Name))}");
            }

            actorId = candidates[0].Id;
        }

        var query = new IndicatorQuery(Math.Clamp(limit ?? IndicatorQuery.DefaultLimit, 1, IndicatorQuery.MaxLimit), after, parsedType, actorId, source, includeRevoked ?? false);
        var page = await store.ListAsync(query, ct);

        // The API is a way out like any export: nothing above the caller's ceiling, never TLP:RED, and
        // the response says how many were held back. Decayed and expired ones are listed, with why.
        var gate = context.Gate();
        var now = time.GetUtcNow();
        var options = JsonOptions(context);
        var items = page.Items.Where(i => gate.Allows(i.Tlp)).Select(i => IndicatorStandingJson.Of(i, lifecycle.Assess(i, now), options)).ToList();
        context.ReportWithheld(gate, "indicators.list");
        return TypedResults.Ok(new { items, next = page.Next, withheld = gate.RefusedTotal });
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext context, IIndicatorStore store, IndicatorLifecycle lifecycle, TimeProvider time, CancellationToken ct)
    {
        var gate = context.Gate();
        var indicator = await store.GetAsync(id, ct);
        if (indicator is null || !gate.Allows(indicator.Tlp))
        {
            // Above the ceiling looks exactly like absent, apart from the count: the caller learns nothing else.
            context.ReportWithheld(gate, "indicators.show");
            return NotFound($"no indicator with id '{id}' may leave");
        }

        context.ReportWithheld(gate, "indicators.show");
        return TypedResults.Ok(IndicatorStandingJson.Of(indicator, lifecycle.Assess(indicator, time.GetUtcNow()), JsonOptions(context)));
    }

    private static async Task<IResult> SightingAsync(string id, SightingRequest? request, HttpContext context, IIndicatorSightings sightings, IndicatorLifecycle lifecycle, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var seenAt = request?.SeenAt ?? now;
        if (seenAt > now.AddMinutes(5))
        {
            return BadRequest($"seen_at: {seenAt:O} is in the future");
        }

        var gate = context.Gate();
        var indicator = await sightings.RecordAsync(id, seenAt, request?.FalsePositive ?? false, request?.Source ?? "api", context.ChangeContext(), ct);
        if (indicator is null || !gate.Allows(indicator.Tlp))
        {
            return indicator is null ? NotFound($"no indicator with id '{id}'") : TypedResults.NoContent();
        }

        return TypedResults.Ok(IndicatorStandingJson.Of(indicator, lifecycle.Assess(indicator, now), JsonOptions(context)));
    }

    private static System.Text.Json.JsonSerializerOptions JsonOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private static async Task<IResult> CreateAsync(IndicatorInput input, HttpContext context, IndicatorImporter importer, CancellationToken ct)
    {
        var outcome = await ImportAsync([input], "request", new ImportDefaults("api"), skipInvalid: false, context, importer, ct);
        if (outcome.Warned.Count > 0)
        {
            // Valid, but never a blocking indicator: refused with the list it is on, not stored silently.
            return TypedResults.Problem(outcome.Warned[0].Reason, statusCode: StatusCodes.Status422UnprocessableEntity, title: "On a warninglist");
        }

        return outcome.Succeeded ? TypedResults.Ok(outcome.Result) : BadRequest(outcome.Errors[0].Reason);
    }

    private static async Task<IResult> BatchAsync(IndicatorBatchRequest request, HttpContext context, IndicatorImporter importer, CancellationToken ct)
    {
        if (request.Items is not { Count: > 0 } items)
        {
            return BadRequest("items is empty");
        }

        if (items.Count > IndicatorBatchRequest.MaxItems)
        {
            return TypedResults.Problem($"at most {IndicatorBatchRequest.MaxItems} items per batch", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Tlp? tlp = null;
        if (request.Tlp is not null && !TlpLevels.TryParse(request.Tlp, out tlp))
        {
            return BadRequest($"unknown TLP level '{request.Tlp}'; one of clear, green, amber, amber+strict, red");
        }

        var defaults = new ImportDefaults(request.Source ?? "api", request.Actor, request.Confidence, request.ValidUntil, tlp);
        var outcome = await ImportAsync(items, request.Name ?? "request", defaults, request.SkipInvalid, context, importer, ct);
        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(
                detail: $"{outcome.Errors.Count} invalid item(s); nothing was imported",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Invalid indicators",
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors.Select(e => e.ToString()).ToArray() });
        }

        return TypedResults.Ok(new
        {
            result = outcome.Result,
            skipped = outcome.Skipped.Select(e => e.ToString()).ToArray(),
            warned = outcome.Warned.Select(e => e.ToString()).ToArray(),
        });
    }

    /// <summary>API items go through the same parsing and importing as list files; item i is "line" i+1.</summary>
    private static Task<ImportOutcome> ImportAsync(
        IReadOnlyList<IndicatorInput> items, string name, ImportDefaults defaults, bool skipInvalid, HttpContext context, IndicatorImporter importer, CancellationToken ct)
    {
        var parsed = IndicatorListReader.FromValues(
            name,
            items.Select(i => new IndicatorListRow(i.Value ?? "", i.Type, i.Actor, i.Source, i.Confidence, i.ValidUntil)).ToArray());
        return importer.ImportAsync(name, parsed, defaults, skipInvalid, context.ChangeContext(), ct);
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}
