using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Victims;

namespace Rampart.Sinkhole;

/// <summary>
/// <c>rampart sinkhole rollup|purge</c>: raw hits past retention become daily counts (serve does this
/// hourly; the verb is for sinkhole-only deployments and cron), and a case's raw hits go on request.
/// </summary>
public static class SinkholeRetentionVerbs
{
    public static Command Rollup()
    {
        var days = new Option<int>("--days")
        {
            Description = "Keep this many whole days of raw hits; older ones become daily counts per case, name, source and organization",
            DefaultValueFactory = _ => SinkholeRetentionOptions.DefaultDays,
        };
        var command = new Command("rollup", """
            Roll up raw hits past retention, one day per transaction (running it again changes nothing).
            Example: rampart sinkhole rollup --days 90
            """)
        { days };
        command.SetAction(async (parse, ct) =>
        {
            var keep = parse.GetValue(days);
            if (keep < 1)
            {
                throw new CliException("--days: at least 1");
            }

            await using var store = await LocalStore.OpenAsync(parse, ct);
            var retention = new SinkholeRetention(store.Get<ISinkholeRetentionStore>(), store.Get<IVictimStore>(), TimeProvider.System, NullLogger.Instance);
            var results = await retention.RunOnceAsync(keep, ChangeContext.ForCli(), ct);
            foreach (var day in results)
            {
                Console.WriteLine($"{day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {day.Hits} raw hits into {day.Rows} daily rows");
            }

            Console.WriteLine($"{results.Count} days rolled up ({results.Sum(r => r.Hits)} raw hits); hits since {SinkholeRetention.Cutoff(DateTimeOffset.UtcNow, keep):yyyy-MM-dd} stay raw");
            return 0;
        });
        return command;
    }

    public static Command Purge()
    {
        var caseId = new Option<string>("--case") { Description = "The case whose raw hits to remove", Required = true };
        var rollups = new Option<bool>("--rollups") { Description = "Remove the case's daily rollups too (they also hold source addresses)" };
        var command = new Command("purge", """
            Remove a case's raw hits (personal data) from the store, audited with the count removed.
            Example: rampart sinkhole purge --case case--1234
            """)
        { caseId, rollups };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(caseId)!;
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var (hits, rows) = await store.Get<ISinkholeRetentionStore>().PurgeAsync(id, parse.GetValue(rollups), ChangeContext.ForCli(), ct);
            Console.WriteLine(TerminalText.Printable(parse.GetValue(rollups) ? $"{id}: {hits} raw hits and {rows} daily rollup rows removed" : $"{id}: {hits} raw hits removed"));
            return 0;
        });
        return command;
    }
}
