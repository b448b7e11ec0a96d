using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// `audit FILE [RULES|none|""] [REPORT]`: reads FILE as `rampart audit` does, through the built-in foothold rules
/// together with SigmaHQ's cloud rules (default or "": ../shared's; `none` for the built-ins alone), then
/// analyzes; prints MB/s and records/s, wall and per CPU-second, what was allocated and collected, and
/// the peak working set. REPORT, when given, receives the accounts as JSON: diff it before and after a
/// change to the audit to show the change kept its output.
/// </summary>
internal static class FootholdsRun
{
    public static int Run(string path, string? rulesDirectory, string? reportPath)
    {
        rulesDirectory = string.IsNullOrEmpty(rulesDirectory) ? SharedData.Find(Path.Combine("sigma", "rules", "cloud")) : rulesDirectory;
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
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
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
        process.Refresh();
        var readCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var analysis = analyzer.AnalyzeAsync(null, CancellationToken.None).GetAwaiter().GetResult();
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds;
        var bytes = new FileInfo(path).Length;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"file:      {path} ({bytes / 1e6:F1} MB)");
        Console.WriteLine($"rules:     {BuiltInFootholdRules.RuleSet.Count} built-in + {supplied?.Count ?? 0} from {rulesDirectory ?? "(none)"}");
        Console.WriteLine($"events:    {analyzer.Events:N0}, skipped {skipped:N0}; {analysis.Accounts.Count:N0} accounts reported ({analysis.Accounts.Count(a => a.Status == AccountStatus.Compromised):N0} compromised), {analyzer.DroppedMatches:N0} matches dropped");
        Console.WriteLine($"kept:      {analyzer.KeptMatches:N0} matched records, {analyzer.AccessTallyCount:N0} access tallies");
        Console.WriteLine($"rule tests per event: {(double)analyzer.RulesTested / Math.Max(1, analyzer.Events):F1}");
        Console.WriteLine($"time:      {seconds:F2} s (read + rules {read:F2} s, analysis {seconds - read:F2} s) = {bytes / 1e6 / seconds:F1} MB/s, {analyzer.Events / seconds:N0} records/s");
        Console.WriteLine($"cpu:       {cpu:F2} s (read + rules {readCpu:F2} s, analysis {cpu - readCpu:F2} s) on {Environment.ProcessorCount} cores = {bytes / 1e6 / cpu:F1} MB per CPU-second, {analyzer.Events / cpu:N0} records per CPU-second");
        Console.WriteLine($"allocated: {allocated / 1e6:F0} MB = {(double)allocated / Math.Max(1, analyzer.Events):F0} bytes a record; collections gen0 {GC.CollectionCount(0) - collectionsBefore[0]}, gen1 {GC.CollectionCount(1) - collectionsBefore[1]}, gen2 {GC.CollectionCount(2) - collectionsBefore[2]}; paused {paused:F2} s");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:F0} MB");
        if (reportPath is not null)
        {
            using var output = File.Create(reportPath);
            JsonSerializer.Serialize(output, analysis.Accounts, ReportOptions);
            Console.WriteLine($"report:    {reportPath}");
        }

        return 0;
    }

    private static readonly JsonSerializerOptions ReportOptions = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
}
