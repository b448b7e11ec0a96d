using System.Diagnostics;
using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// End to end on one core: UAL JSON lines parsed and evaluated against every SigmaHQ cloud rule.
/// Prints MB/s, records/s, how many rules each event is tested against, and the bytes rule
/// evaluation allocated per event (parsing is measured with it but allocates on its own account).
/// </summary>
internal static class ThroughputRun
{
    public static int Run(int records)
    {
        var (set, origin) = CloudRules.Load();
        Console.WriteLine($"rules: {set.Count} compiled from {origin} ({set.Errors.Count} not compiled)");
        var (lines, sources) = UalGenerator.Generate(records);
        var spans = UalGenerator.Split(lines);
        Console.WriteLine($"events: {records} UAL JSON lines, {lines.Length / 1e6:F1} MB ({lines.Length / records} bytes a line)");
        foreach (var source in sources.Distinct())
        {
            Console.WriteLine($"  {source}: tested against {set.RuleCountFor(source)} rules");
        }

        var evaluator = set.CreateEvaluator();
        var matches = new List<SigmaMatch>(1024);
        Pass(evaluator, lines, spans, sources, matches, Math.Min(records, 20_000)); // warm up the JIT

        evaluator = set.CreateEvaluator();
        matches.Clear();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Pass(evaluator, lines, spans, sources, matches, records);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"parse + evaluate on one thread: {elapsed:F2} s wall = {lines.Length / 1e6 / elapsed:F0} MB/s, {records / elapsed:F0} records/s; {cpuSeconds:F2} s CPU = {lines.Length / 1e6 / cpuSeconds:F0} MB per CPU-second");
        Console.WriteLine($"rules tested per event: {(double)evaluator.RulesTested / records:F2} on average; matches: {matches.Count}");

        // Allocation of rule evaluation alone, over documents parsed beforehand.
        var documents = spans.Take(10_000).Select(s => JsonDocument.Parse(lines.AsMemory(s.Start, s.Length))).ToArray();
        for (var i = 0; i < documents.Length; i++)
        {
            matches.Clear();
            evaluator.Evaluate(sources[i], documents[i].RootElement, DateTimeOffset.UnixEpoch, matches);
        }

        matches.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < documents.Length; i++)
        {
            evaluator.Evaluate(sources[i], documents[i].RootElement, DateTimeOffset.UnixEpoch, matches);
            if (matches.Count > 512)
            {
                matches.Clear();
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"rule evaluation allocated {allocated} bytes over {documents.Length} events ({(double)allocated / documents.Length:F2} bytes an event)");
        foreach (var document in documents)
        {
            document.Dispose();
        }

        return 0;
    }

    private static void Pass(SigmaEvaluator evaluator, byte[] lines, List<(int Start, int Length)> spans, SigmaLogSource[] sources, List<SigmaMatch> matches, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (start, length) = spans[i];
            using var document = JsonDocument.Parse(lines.AsMemory(start, length));
            evaluator.Evaluate(sources[i], document.RootElement, DateTimeOffset.UnixEpoch.AddSeconds(i), matches);
            if (matches.Count > 512)
            {
                matches.Clear();
            }
        }
    }
}
