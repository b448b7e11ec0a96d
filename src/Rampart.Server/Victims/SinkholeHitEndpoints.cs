using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Sinkhole;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Victims;

/// <summary>
/// <c>/api/v1/sinkhole/hits</c>: stored sinkhole hits by case, name, source and time, oldest first, as JSON or CSV;
/// <c>/api/v1/sinkhole/hits/daily</c>: the daily counts that hits past retention were rolled up into, by the same filters.
/// </summary>
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
        app.MapGet("/api/v1/sinkhole/hits/daily", ListDailyAsync)
            .WithTags("sinkhole")
            .RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("Daily counts of hits past retention (per case, day, name, source, organization), oldest day first, by the same filters as /hits; a row is kept when any of its hits falls between since and until");
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? @case, string? domain, string? source, string? since, string? until, int? limit, string? format, ISinkholeHitStore hits, CancellationToken ct)
    {
        if (!TryQuery(@case, domain, source, since, until, limit, format, out var query, out var problem))
        {
            return problem!;
        }

        var found = await hits.ListAsync(query, ct);
        return format == "csv" ? Csv(SinkholeHitCsv.Header, found.Select(SinkholeHitCsv.Line)) : TypedResults.Ok(found);
    }

    private static async Task<IResult> ListDailyAsync(
        string? @case, string? domain, string? source, string? since, string? until, int? limit, string? format, ISinkholeRetentionStore rollups, CancellationToken ct)
    {
        if (!TryQuery(@case, domain, source, since, until, limit, format, out var query, out var problem))
        {
            return problem!;
        }

        var found = await rollups.ListDailyAsync(query, ct);
        return format == "csv" ? Csv(SinkholeHitCsv.DailyHeader, found.Select(SinkholeHitCsv.DailyLine)) : TypedResults.Ok(found);
    }

    /// <summary>The query the parameters ask for, or the 400 that names the first malformed one (the same checks for both lists).</summary>
    private static bool TryQuery(
        string? caseId, string? domain, string? source, string? since, string? until, int? limit, string? format, out SinkholeHitQuery query, out ProblemHttpResult? problem)
    {
        var error = format is not (null or "json" or "csv") ? "format: 'json' or 'csv'"
            : limit is < 1 or > MaxLimit ? $"limit: from 1 to {MaxLimit}"
            : null;
        var parsed = error is null ? SinkholeHitQuery.FromText(caseId, domain, source, since, until, limit ?? 1000, out error) : null;
        query = parsed ?? new SinkholeHitQuery();
        problem = parsed is null ? TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest) : null;
        return problem is null;
    }

    private static ContentHttpResult Csv(string header, IEnumerable<string> lines)
    {
        var csv = new StringBuilder(header).Append("\r\n");
        foreach (var line in lines)
        {
            csv.Append(line).Append("\r\n");
        }

        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8");
    }

}
