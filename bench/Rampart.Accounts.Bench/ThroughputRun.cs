using System.Diagnostics;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// One core, end to end: N generated Unified Audit Log JSON lines read, normalized and tested
/// against every SigmaHQ cloud rule on one thread, as `logs scan` does with one reading thread.
/// Prints MB/s and records/s per core, how many rules each event is tested against, and the bytes
/// rule evaluation alone allocated per event (budget: 0).
/// </summary>
internal static class ThroughputRun
{
    public static int Run(int records)
    {
        var (set, origin) = CloudRules.Load();
        Console.WriteLine($"rules: {set.Count} compiled from {origin} ({set.Errors.Count} not compiled)");
        var log = new AuditLogGenerator(ualOnly: true).Generate(records);
        Console.WriteLine($"events: {records:N0} UAL JSON lines, {log.Length / 1e6:F1} MB ({log.Length / records} bytes a line)");
        Scan(set, new AuditLogGenerator(seed: 7, ualOnly: true).Generate(Math.Min(records, 20_000))); // warm up the JIT

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var scanner = Scan(set, log);
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var summary = scanner.Summary;
        Console.WriteLine($"read + normalize + evaluate on one thread: {elapsed:F2} s wall = {log.Length / 1e6 / elapsed:F0} MB/s, {records / elapsed:N0} records/s; {cpuSeconds:F2} s CPU = {log.Length / 1e6 / cpuSeconds:F0} MB per CPU-second");
        Console.WriteLine($"rules tested per event: {(double)scanner.RulesTested / summary.Evaluated:F2} on average; matches: {summary.MatchCount:N0} ({summary.PerRule.Count} rules matched)");
        foreach (var line in CloudRules.RulesPerLogsource(set, summary.PerLogsource.Keys))
        {
            Console.WriteLine($"  {line}, {summary.PerLogsource[line[..line.IndexOf(':', StringComparison.Ordinal)]]:N0} events");
        }

        // Allocation of rule evaluation alone, over events normalized beforehand.
        var events = Read(new AuditLogGenerator(seed: 11, ualOnly: true).Generate(10_000));
        var evaluator = set.CreateEvaluator();
        var matches = new List<SigmaMatch>(4096);
        Evaluate(evaluator, events, matches);
        matches.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Evaluate(evaluator, events, matches);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"rule evaluation allocated {allocated} bytes over {events.Count:N0} events ({(double)allocated / events.Count:F2} bytes an event; {matches.Count} matches)");
        return 0;
    }

    private static AuditLogScanner Scan(SigmaRuleSet set, byte[] log)
    {
        var scanner = new AuditLogScanner(set, new AuditLogScanOptions { Reader = new AuditLogReaderOptions { Parallelism = 1 } });
        using var stream = new MemoryStream(log, writable: false);
        scanner.ScanStream(stream, "generated.jsonl");
        return scanner;
    }

    public static List<AuditEvent> Read(byte[] log)
    {
        using var stream = new MemoryStream(log, writable: false);
        return [.. new AuditLogReader(new AuditLogReaderOptions { Parallelism = 1 }).Read(stream, "generated.jsonl").Select(i => i.Event!)];
    }

    public static SigmaLogSource SourceOf(AuditEvent e) => new(e.Logsource.Product, e.Logsource.Service, e.Logsource.Category);

    private static void Evaluate(SigmaEvaluator evaluator, List<AuditEvent> events, List<SigmaMatch> matches)
    {
        foreach (var e in events)
        {
            evaluator.Evaluate(SourceOf(e), e.Data, e.Timestamp ?? DateTimeOffset.UnixEpoch, matches);
        }
    }
}
