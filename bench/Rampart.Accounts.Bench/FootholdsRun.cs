using System.Diagnostics;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// `audit FILE [RULES|none]`: reads FILE as `rampart audit` does, through the built-in foothold rules
/// together with SigmaHQ's cloud rules (default: ../shared's; `none` for the built-ins alone), then
/// analyzes; prints MB/s and records/s, wall and per CPU-second, and the peak working set.
/// </summary>
internal static class FootholdsRun
{
    public static int Run(string path, string? rulesDirectory)
    {
        rulesDirectory ??= SharedData.Find(Path.Combine("sigma", "rules", "cloud"));
        SigmaRuleSet? supplied = null;
        if (rulesDirectory is not null && rulesDirectory != "none")
        {
            var loaded = SigmaLoader.LoadDirectory(rulesDirectory);
            supplied = SigmaRuleSet.Compile(loaded.Documents, new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq });
        }
        else
        {
            Console.WriteLine(rulesDirectory is null ? "skipped SigmaHQ rules: ../shared absent; built-in rules only" : "built-in rules only");
        }

        var analyzer = new FootholdAnalyzer(supplied);
        var reader = new AuditLogReader();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long skipped = 0;
        using (var stream = File.OpenRead(path))
        {
            foreach (var item in analyzer.AddFrom(reader, stream, path))
            {
                if (item.Problem is not null)
                {
                    skipped++;
                }
            }
        }

        var read = clock.Elapsed.TotalSeconds;
        var analysis = analyzer.AnalyzeAsync(null, CancellationToken.None).GetAwaiter().GetResult();
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var bytes = new FileInfo(path).Length;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"file:      {path} ({bytes / 1e6:F1} MB)");
        Console.WriteLine($"rules:     {BuiltInFootholdRules.RuleSet.Count} built-in + {supplied?.Count ?? 0} from {rulesDirectory ?? "(none)"}");
        Console.WriteLine($"events:    {analyzer.Events:N0}, skipped {skipped:N0}; {analysis.Accounts.Count:N0} accounts reported ({analysis.Accounts.Count(a => a.Status == AccountStatus.Compromised):N0} compromised), {analyzer.DroppedMatches:N0} matches dropped");
        Console.WriteLine($"rule tests per event: {(double)analyzer.RulesTested / Math.Max(1, analyzer.Events):F1}");
        Console.WriteLine($"time:      {seconds:F2} s (read + rules {read:F2} s, analysis {seconds - read:F2} s) = {bytes / 1e6 / seconds:F1} MB/s, {analyzer.Events / seconds:N0} records/s");
        Console.WriteLine($"cpu:       {cpu:F2} s on {Environment.ProcessorCount} cores = {bytes / 1e6 / cpu:F1} MB per CPU-second, {analyzer.Events / cpu:N0} records per CPU-second");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }
}
