using System.Diagnostics;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// `generate FILE RECORDS`: writes generated audit log JSON lines. `scan FILE [RULES|none]`: reads them
/// and runs the rules (default: SigmaHQ's cloud rules from ../shared, a small built-in set when absent)
/// exactly as `rampart logs scan` does, and prints MB/s, records/s, rule tests per event and the
/// peak working set.
/// </summary>
internal static class EndToEnd
{
    public static int Generate(string path, long records)
    {
        var clock = Stopwatch.StartNew();
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var bytes = new AuditLogGenerator().Write(output, records);
        Console.WriteLine($"wrote {records:N0} records, {bytes / 1e6:F1} MB to {path} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static int Scan(string path, string? rulesDirectory)
    {
        SigmaRuleSet? rules = null;
        var origin = "(none)";
        if (rulesDirectory != "none")
        {
            (rules, origin) = CloudRules.Load(rulesDirectory);
        }

        var scanner = new AuditLogScanner(rules);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        scanner.ScanFile(path);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var summary = scanner.Summary;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"file:      {path} ({summary.Bytes / 1e6:F1} MB)");
        Console.WriteLine($"rules:     {rules?.Count ?? 0} from {origin}");
        Console.WriteLine($"events:    {summary.Events:N0}, skipped {summary.ProblemCount:N0}, matches {summary.MatchCount:N0} ({summary.PerRule.Count} rules matched)");
        Console.WriteLine($"rule tests per event: {(double)scanner.RulesTested / Math.Max(1, summary.Evaluated):F1} (counted as the scan ran); by logsource:");
        if (rules is not null)
        {
            foreach (var line in CloudRules.RulesPerLogsource(rules, summary.PerLogsource.Keys))
            {
                Console.WriteLine($"  {line}, {summary.PerLogsource[line[..line.IndexOf(':', StringComparison.Ordinal)]]:N0} events");
            }
        }

        // Per rule and per account, so a change to reading or normalization can be checked to match exactly what it matched before.
        foreach (var (key, tally) in summary.PerRule.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  matched {tally.Matches,7:N0} × {key} ({tally.Accounts.Count} accounts)");
        }

        var accounts = string.Join('\n', summary.PerAccount.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Select(a => $"{a.Key}={a.Value}"));
        Console.WriteLine($"accounts:  {summary.PerAccount.Count:N0} matched, digest {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(accounts)))[..16]}");
        Console.WriteLine($"time:      {seconds:F2} s = {summary.Bytes / 1e6 / seconds:F1} MB/s, {summary.Events / seconds:N0} records/s");
        // The machine is shared: CPU time is the figure that does not depend on what else runs.
        Console.WriteLine($"cpu:       {cpu:F2} s on {Environment.ProcessorCount} cores = {summary.Bytes / 1e6 / cpu:F1} MB per CPU-second, {summary.Events / cpu:N0} records per CPU-second");
        Console.WriteLine($"allocated: {allocated / 1e6:F0} MB = {(double)allocated / Math.Max(1, summary.Events):F0} bytes a record; {collections} gen0 collections");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:F0} MB; GC heap now {GC.GetTotalMemory(false) / 1e6:F0} MB");
        return 0;
    }
}
