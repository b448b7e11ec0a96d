using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Markings;
using Rampart.Intel.Misp;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Intel;

/// <summary>
/// MISP over HTTP: <c>POST /api/v1/misp/events</c> imports one MISP event (as MISP's API or a feed
/// file writes it) with the same rules as <c>rampart intel misp import</c>; <c>/api/v1/misp/feed/</c>
/// is a MISP feed (manifest.json, hashes.csv, &lt;uuid&gt;.json) a MISP instance can add by URL.
/// </summary>
public static class MispEndpoints
{
    /// <summary>An event posted larger than this is refused: 32 MB holds hundreds of thousands of attributes.</summary>
    public const int MaxEventBytes = 32 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMisp(this IEndpointRouteBuilder app)
    {
        var misp = app.MapGroup("/api/v1/misp").WithTags("misp").RequireAuthorization(RampartAuth.ReaderPolicy);
        misp.MapPost("/events", ImportAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Imports one MISP event ({\"Event\": …} or the bare event) as one transaction; problems come back with line and field");
        misp.MapGet("/feed/{file}", FeedFileAsync)
            .WithSummary("A MISP feed of the indicators that may leave: manifest.json, hashes.csv and <uuid>.json; tlp_max (default green) caps the markings, RED never leaves; only live indicators (X-Rampart-Not-Live: how many were left out as expired, decayed or not yet valid)");
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, string? source, MispImporter importer, CancellationToken ct)
    {
        if (request.ContentLength > MaxEventBytes)
        {
            return TypedResults.Problem($"at most {MaxEventBytes / (1024 * 1024)} MB per event", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length > MaxEventBytes)
        {
            return TypedResults.Problem($"at most {MaxEventBytes / (1024 * 1024)} MB per event", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var problems = new List<MispProblem>();
        var read = MispEventReader.Read(body.GetBuffer().AsMemory(0, (int)body.Length), "request", problems);
        if (read is null)
        {
            return TypedResults.Problem(
                detail: "the body is not a MISP event; nothing was imported",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Invalid MISP event",
                extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => p.ToString()).ToArray() });
        }

        var report = await importer.ImportAsync([read], source ?? "misp:api", problems, request.HttpContext.ChangeContext(), ct);
        return TypedResults.Ok(report.Summary(null));
    }

    private static async Task<IResult> FeedFileAsync(string file, string? tlp_max, HttpContext context, MispFeedCache feeds, CancellationToken ct)
    {
        var maximum = TlpLevels.DefaultExportMaximum;
        if (tlp_max is not null)
        {
            if (!TlpLevels.TryParse(tlp_max, out var asked) || asked == Tlp.Red)
            {
                return BadRequest($"tlp_max: '{tlp_max}' is not one of clear, green, amber, amber+strict");
            }

            maximum = asked.Value;
        }

        // Never above the caller's own ceiling: a GREEN key asking for amber gets the green feed.
        var ceiling = context.TlpCeiling();
        if (maximum > ceiling)
        {
            maximum = ceiling;
        }

        // Only the feed's own names: the manifest, the hashes, or an event uuid. Nothing else reaches the disk.
        var isEvent = file.EndsWith(".json", StringComparison.Ordinal) && file.Length == 41 && Guid.TryParseExact(file.AsSpan(0, 36), "D", out _);
        if (file != MispFeed.ManifestFile && file != MispFeed.HashesFile && !isEvent)
        {
            return NotFound($"a MISP feed has manifest.json, hashes.csv and <uuid>.json; not '{file}'");
        }

        var feed = await feeds.FolderAsync(maximum, ct);
        context.ReportWithheld(maximum, feed.Withheld, feed.WithheldByLevel, "misp.feed");
        context.ReportNotLive(feed.NotLive, feed.NotLiveByStatus, "misp.feed");
        var path = Path.Combine(feed.Folder, file);
        if (!File.Exists(path))
        {
            return NotFound($"no event {file} in the feed");
        }

        return TypedResults.PhysicalFile(path, file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}
