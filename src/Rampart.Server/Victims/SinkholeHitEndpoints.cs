using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Sinkhole;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Victims;

/// <summary><c>/api/v1/sinkhole/hits</c>: stored sinkhole hits by case, name, source and time, oldest first, as JSON or CSV.</summary>
public static class SinkholeHitEndpoints
{
    /// <summary>A page is capped so one request cannot ask the store for every hit of a busy sinkhole.</summary>
    public const int MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapSinkholeHits(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sinkhole/hits", ListAsync)
            .WithTags("sinkhole")
            .RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("Stored sinkhole hits, oldest first: case, domain, source, since, until (ISO 8601), limit (1–10000, default 1000); format=csv for Shadowserver-style CSV");
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? @case, string? domain, string? source, string? since, string? until, int? limit, string? format, ISinkholeHitStore hits, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
        {
            return BadRequest("format: 'json' or 'csv'");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return BadRequest($"limit: from 1 to {MaxLimit}");
        }

        if (!TryTime(since, out var from))
        {
            return NotATime("since");
        }

        if (!TryTime(until, out var to))
        {
            return NotATime("until");
        }

        var query = new SinkholeHitQuery(@case, domain?.Trim().TrimEnd('.').ToLowerInvariant(), source, from, to, limit ?? 1000);
        var found = await hits.ListAsync(query, ct);
        if (format != "csv")
        {
            return TypedResults.Ok(found);
        }

        var csv = new StringBuilder(SinkholeHitCsv.Header).Append("\r\n");
        foreach (var hit in found)
        {
            csv.Append(SinkholeHitCsv.Line(hit)).Append("\r\n");
        }

        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8");
    }

    private static bool TryTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value);
        time = parsed ? value : null;
        return parsed;
    }

    private static ProblemHttpResult NotATime(string parameter) => BadRequest($"{parameter}: not a time (ISO 8601, e.g. 2026-11-29 or 2026-11-29T18:00Z)");

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
