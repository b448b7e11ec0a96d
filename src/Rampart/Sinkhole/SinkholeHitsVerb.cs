using System.CommandLine;
using System.Globalization;
using System.Text;
using Rampart.Cli;
using Rampart.Core.Sinkhole;

namespace Rampart.Sinkhole;

/// <summary>
/// <c>rampart sinkhole hits</c>: stored hits by case, domain, source and time, as lines for a terminal
/// or as CSV (<see cref="SinkholeHitCsv"/>). Every value a client sent is escaped: control characters as
/// \xNN on the terminal, formula prefixes neutralised in CSV.
/// </summary>
public static class SinkholeHitsVerb
{
    public static Command Create()
    {
        var caseId = new Option<string?>("--case") { Description = "Only this case's hits" };
        var domain = new Option<string?>("--domain") { Description = "Only hits for this name (the query name, or the HTTP host without its port)" };
        var source = new Option<string?>("--source") { Description = "Only hits from this source address" };
        var since = new Option<string?>("--since") { Description = "From this time on (ISO 8601, UTC unless it says otherwise)" };
        var until = new Option<string?>("--until") { Description = "Before this time" };
        var limit = new Option<int>("--limit") { Description = "At most this many hits, oldest first", DefaultValueFactory = _ => 1000 };
        var csv = new Option<bool>("--csv") { Description = "CSV with a header line (formula-safe for spreadsheets)" };
        var daily = new Option<bool>("--daily")
        {
            Description = "The daily counts hits past retention were rolled up into (per case, day, name, source, organization), by the same filters",
        };
        var command = new Command("hits", """
            List stored sinkhole hits, oldest first.
            Examples:
              rampart sinkhole hits --case case-1 --since 2026-11-01
              rampart sinkhole hits --case case-1 --csv > hits.csv
              rampart sinkhole hits --case case-1 --daily --since 2026-01-01
            """)
        { caseId, domain, source, since, until, limit, csv, daily };
        command.SetAction(async (parse, ct) =>
        {
            var query = SinkholeHitQuery.FromText(
                parse.GetValue(caseId), parse.GetValue(domain), parse.GetValue(source), parse.GetValue(since), parse.GetValue(until), Math.Max(1, parse.GetValue(limit)), out var error)
                ?? throw new CliException("--" + error);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            if (parse.GetValue(daily))
            {
                var rows = await store.Get<ISinkholeRetentionStore>().ListDailyAsync(query, ct);
                Print(rows, parse.GetValue(csv), SinkholeHitCsv.DailyHeader, SinkholeHitCsv.DailyLine, DailyTextLine, "daily rows");
                return 0;
            }

            var hits = await store.Get<ISinkholeHitStore>().ListAsync(query, ct);
            Print(hits, parse.GetValue(csv), SinkholeHitCsv.Header, SinkholeHitCsv.Line, TextLine, "hits");
            return 0;
        });
        return command;
    }

    /// <summary>CSV through <see cref="SinkholeHitCsv"/>, or one escaped line per row and the count on stderr.</summary>
    private static void Print<T>(IReadOnlyList<T> rows, bool csv, string header, Func<T, string> csvLine, Func<T, string> textLine, string noun)
    {
        if (csv)
        {
            Console.Out.Write(header + "\r\n");
            foreach (var row in rows)
            {
                Console.Out.Write(csvLine(row) + "\r\n");
            }

            return;
        }

        foreach (var row in rows)
        {
            Console.WriteLine(TerminalText.Printable(textLine(row)));
        }

        Console.Error.WriteLine($"{rows.Count} {noun}");
    }

    private static string DailyTextLine(SinkholeDailyCount row) =>
        $"{row.Day.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  {row.SourceIp}  {row.CaseId ?? "-"}  {row.QueryName}  {row.Hits} hits"
        + $" {row.FirstSeen.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}-{row.LastSeen.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}"
        + (row.Organization is { } organization ? $"  {organization}" : "");

    private static string TextLine(SinkholeHit hit)
    {
        var when = hit.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var what = hit.Transport == "http"
            ? $"{hit.HttpMethod} {hit.HttpHost} {hit.Url} -> {hit.Answer} ua=\"{hit.UserAgent}\"{(hit.BodyLength is { } length ? $" body={length}B sha256={hit.BodySha256}" : "")}"
            : $"{hit.QueryName} type {hit.QueryType} -> {hit.Answer}{(hit.ClientSubnet is { } subnet ? $" ecs={subnet}" : "")}";
        return $"{when}  {hit.Transport,-7} {hit.SourceIp}:{hit.SourcePort}  {hit.CaseId ?? "-"}  {what}";
    }
}
