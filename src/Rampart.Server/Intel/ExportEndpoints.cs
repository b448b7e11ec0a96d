using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Lists;
using Rampart.Intel.Stix;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Intel;

/// <summary>
/// <c>GET /api/v1/export</c>: what <c>rampart intel export</c> writes to a file — lists, a STIX bundle,
/// the blocking formats — for the caller, capped at their TLP ceiling. Lists and blocking formats carry
/// only live indicators (expired, decayed and not-yet-valid ones are left out and counted); a STIX
/// bundle is intel and keeps them with their valid_until. The file is written to a scratch file first
/// so the response can say in its headers how many were withheld (<c>X-Rampart-Withheld</c>) and left
/// out as not live (<c>X-Rampart-Not-Live</c>).
/// </summary>
public static class ExportEndpoints
{
    private static readonly string[] BlockingNames = [.. Enum.GetNames<BlockingFormat>().Select(n => n.ToLowerInvariant())];

    public static IEndpointRouteBuilder MapIntelExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/export", ExportAsync).WithTags("indicators").RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("Indicators as txt, csv, json, jsonl, stix or a blocking format (suricata, zeek, hosts, dnsmasq, unbound, ip); never above the caller's TLP ceiling (X-Rampart-Withheld says how many were held back); lists and blocking formats only live indicators (X-Rampart-Not-Live: how many expired, decayed or not yet valid were left out)");
        return app;
    }

    private static async Task<IResult> ExportAsync(
        string? format, string? type, string? actor, string? tlp_max, HttpContext context, IIndicatorStore store, IActorStore actors, StixExporter stix,
        IndicatorLifecycle lifecycle, TimeProvider time, CancellationToken ct)
    {
        format = (format ?? "csv").ToLowerInvariant();
        var isList = Enum.TryParse<ListFormat>(format, ignoreCase: true, out var listFormat) && !int.TryParse(format, out _);
        var isBlocking = BlockingNames.Contains(format);
        if (!isList && !isBlocking && format != "stix")
        {
            return Problem($"format: '{format}' is not one of txt, csv, json, jsonl, stix, {string.Join(", ", BlockingNames)}");
        }

        var maximum = context.TlpCeiling();
        if (tlp_max is not null)
        {
            if (!TlpCeilings.TryParse(tlp_max, out var asked, out var error))
            {
                return Problem($"tlp_max: {error}");
            }

            maximum = asked.Value < maximum ? asked.Value : maximum;
        }

        IndicatorType? onlyType = null;
        if (type is not null && !IndicatorTypes.TryParse(type, out onlyType))
        {
            return Problem($"type: unknown type '{type}'; one of {string.Join(", ", IndicatorTypes.WireNames)}");
        }

        string? actorId = null;
        if (actor is not null && format != "stix")
        {
            var candidates = await actors.FindByNameAsync(actor, ct);
            if (candidates.Count != 1)
            {
                return Problem(candidates.Count == 0 ? $"actor: unknown actor '{actor}'" : $"actor: '{actor}' is ambiguous");
            }

            actorId = candidates[0].Id;
        }

        // Deleted when the response has sent it (and closed the stream).
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "rampart-export-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        MarkingGate gate;
        LifecycleGate? live = null;
        try
        {
            if (format == "stix")
            {
                gate = (await stix.ExportAsync(new StixExportRequest(actor, Maximum: maximum), file, ct)).Gate;
            }
            else
            {
                gate = new MarkingGate(maximum);
                live = new LifecycleGate(lifecycle, time.GetUtcNow());
                var indicators = live.PassAsync(gate.PassAsync(IndicatorPages.AllAsync(store, new IndicatorQuery(Type: onlyType, ActorId: actorId), ct), ct), ct);
                await using var writer = new StreamWriter(file, leaveOpen: true);
                if (isBlocking)
                {
                    await BlockingExportWriter.WriteAsync(indicators, Enum.Parse<BlockingFormat>(format, ignoreCase: true), writer, ct);
                }
                else
                {
                    await IndicatorListWriter.WriteAsync(indicators, listFormat, writer, ct);
                }
            }
        }
        catch (ArgumentException ex)
        {
            await file.DisposeAsync();
            return Problem($"actor: {ex.Message}");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        file.Position = 0;
        context.ReportWithheld(gate, "export." + format);
        if (live is not null)
        {
            context.ReportNotLive(live, "export." + format);
        }

        var contentType = format switch
        {
            "csv" => "text/csv",
            "json" or "stix" => "application/json",
            "jsonl" => "application/x-ndjson",
            _ => "text/plain",
        };
        return TypedResults.Stream(file, contentType);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
