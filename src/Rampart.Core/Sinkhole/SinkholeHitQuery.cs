using System.Globalization;

namespace Rampart.Core.Sinkhole;

/// <summary>Which hits to list; null fields do not filter. Oldest first.</summary>
public sealed record SinkholeHitQuery(string? CaseId = null, string? QueryName = null, string? SourceIp = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int Limit = 1000)
{
    /// <summary>
    /// The query as people type it (the CLI's options and the API's parameters read the same way): a domain in any
    /// case, with or without its final dot; times in ISO 8601, UTC unless they say otherwise. Null, with an error that
    /// starts with the parameter's name (<c>since</c> or <c>until</c>), when a time does not parse.
    /// </summary>
    public static SinkholeHitQuery? FromText(string? caseId, string? domain, string? source, string? since, string? until, int limit, out string? error)
    {
        error = null;
        if (!TryTime(since, out var from))
        {
            error = NotATime("since", since!);
            return null;
        }

        if (!TryTime(until, out var to))
        {
            error = NotATime("until", until!);
            return null;
        }

        return new SinkholeHitQuery(caseId, domain?.Trim().TrimEnd('.').ToLowerInvariant(), source, from, to, limit);
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

    private static string NotATime(string parameter, string text) => $"{parameter}: '{text}' is not a time (ISO 8601, e.g. 2026-11-29 or 2026-11-29T18:00Z)";
}
