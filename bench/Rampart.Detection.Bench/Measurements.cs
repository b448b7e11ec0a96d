using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Rampart.Detection.Indicators;
using Rampart.Detection.Lookalikes;

namespace Rampart.Detection.Bench;

public static class Measurements
{
    /// <summary>Working-set growth from building the index, divided by the indicators it holds.</summary>
    public static int Memory(int count)
    {
        var before = Settle();
        var started = Stopwatch.StartNew();
        var index = GeneratedIndex.Build(count);
        var built = started.Elapsed;
        var after = Settle();
        var growth = after.WorkingSet - before.WorkingSet;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indicators {index.Count:N0}  built in {built.TotalSeconds:F1} s  table {index.TableBytes / (double)index.Count:F1} B/indicator"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"working set {before.WorkingSet / 1e6:F0} MB -> {after.WorkingSet / 1e6:F0} MB: {growth / (double)index.Count:F1} bytes/indicator resident (managed heap {(after.Managed - before.Managed) / (double)index.Count:F1})"));
        GC.KeepAlive(index);
        return 0;
    }

    /// <summary>Lookups per second on one thread, one name at a time and pipelined in batches, for a quick look without BenchmarkDotNet.</summary>
    public static int Throughput(int count)
    {
        var index = GeneratedIndex.Build(count);
        var queries = LabelDepthProfile.Queries(1 << 20, count);
        var hits = new IndexHit[16];
        var batchHits = new IndexHit[4096];
        var counts = new int[queries.Length];
        Measure($"{count:N0} indicators, one at a time", queries.Length, () =>
        {
            var found = 0;
            foreach (var q in queries)
            {
                found += index.MatchDomain(q, hits);
            }

            return found;
        });
        Measure($"{count:N0} indicators, batches of 256", queries.Length, () =>
        {
            var found = 0;
            for (var i = 0; i < queries.Length; i += 256)
            {
                found += index.MatchDomains(queries.AsSpan(i, 256), counts.AsSpan(i, 256), batchHits);
            }

            return found;
        });
        return 0;
    }

    /// <summary>Lookalike screening on one thread: random hosts (nearly all clean) and the umbrella-like real names given.</summary>
    public static int Lookalike(string? file)
    {
        var engine = LookalikeEngine.CreateDefault();
        var sets = new List<(string What, string[] Names)> { ("random hosts", RandomHosts.Create(1 << 16)) };
        if (file is not null)
        {
            sets.Add((Path.GetFileName(file), File.ReadLines(file).Where(l => l.Length > 0).Take(1 << 17).ToArray()));
        }

        foreach (var (what, names) in sets)
        {
            Measure($"screen, {what}", names.Length, () =>
            {
                var flagged = 0;
                foreach (var name in names)
                {
                    if (engine.Screen(name, out _) >= LookalikeLevel.Suspicious)
                    {
                        flagged++;
                    }
                }

                return flagged;
            }, "hosts", "flagged");
        }

        return 0;
    }

    private static void Measure(string what, int perRound, Func<int> round, string unit = "lookups", string foundUnit = "hits")
    {
        using var process = Process.GetCurrentProcess();
        // Warm up until tiered compilation has settled, not for a fixed time: the screen's rare paths
        // (the explanation of a flagged name) reach tier 1 only after several rounds of call counting
        // and PGO, and at load 8 the JIT thread was still compiling them through a 5-second window
        // after a 1-second warm-up: 16% of the process's CPU in it (7% quiet), none of it the screen's
        // steady cost. At least one CPU-second, then until no method was compiled for one second
        // (at most 30 s); the JIT's work that remains in the window is printed with the figure.
        var found = round();
        var warm = process.TotalProcessorTime;
        var settled = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(30))
        {
            found += round();
            process.Refresh();
            if (JitInfo.GetCompiledMethodCount() != compiled)
            {
                compiled = JitInfo.GetCompiledMethodCount();
                settled.Restart();
            }
            else if ((process.TotalProcessorTime - warm).TotalSeconds >= 1 && settled.Elapsed >= TimeSpan.FromSeconds(1))
            {
                break;
            }
        }

        found = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var jitTime = JitInfo.GetCompilationTime();
        compiled = JitInfo.GetCompiledMethodCount();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long lookups = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            found += round();
            lookups += perRound;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        // The machine is shared: CPU time says what one core does, wall time what this run got.
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {lookups / cpuSeconds / 1e6:F2} M {unit} per CPU-second ({lookups / seconds / 1e6:F2} M/s wall), {found / (double)lookups:P2} {foundUnit}, {allocated} bytes allocated; "
            + $"warmed {warming.Elapsed.TotalSeconds:F1} s, in the window {JitInfo.GetCompiledMethodCount() - compiled} methods compiled in {(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms"));
    }

    private static (long WorkingSet, long Managed) Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
