using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Stix;
using Rampart.Core.Storage;
using Rampart.Intel.Stix;
using Rampart.Storage;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Storage.Taxii;
using Rampart.Testing;

namespace Rampart.Intel.Bench;

/// <summary>
/// The bulk-import gate: a generated bundle of <c>count</c> indicators imported into a fresh SQLite
/// store, and a fresh PostgreSQL database when a connection string is given (target ≥ 100,000
/// indicators/s with memory bounded by a few chunks, not by the bundle), then imported again (target:
/// writes nothing, revision unchanged). Prints wall and CPU seconds and GC figures; exit 1 on a miss.
/// </summary>
internal static class StixImportGate
{
    public static async Task<int> RunAsync(int count, string? postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-stix-gate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var bundle = Path.Combine(folder, "bundle.json");
        try
        {
            var clock = Stopwatch.StartNew();
            StixBundleGenerator.Write(bundle, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count:N0} indicators{(StixBundleGenerator.RandomIds ? " with random ids" : "")}, {new FileInfo(bundle).Length / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F1} s"));

            var passed = await MeasureAsync("SQLite", StoreLocation.ForDataFolder(Path.Combine(folder, "store")), bundle);
            if (postgres is { Length: > 0 })
            {
                await using var database = new ScratchPostgresDatabase(postgres, "rampart_stix_gate");
                passed &= await MeasureAsync("PostgreSQL", database.Location, bundle);
            }
            else
            {
                Console.WriteLine("PostgreSQL: skipped (give a connection string or set RAMPART_TEST_POSTGRES)");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB for a {new FileInfo(bundle).Length / 1e6:F0} MB bundle"));
            return passed ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A fresh store of the given provider: the bundle imported, then again. True when both gates pass.</summary>
    private static async Task<bool> MeasureAsync(string provider, StoreLocation location, string bundle)
    {
        await using var services = new ServiceCollection().AddRampartStorage(location).AddIntelStorage().AddTaxiiStorage().BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        var importer = new StixImporter(services.GetRequiredService<IStixStore>(), services.GetRequiredService<IActorStore>());
        var revision = services.GetRequiredService<IStoreRevision>();

        var first = await ImportAsync(importer, bundle, provider + " first import");
        var afterFirst = await revision.CurrentAsync(CancellationToken.None);
        var second = await ImportAsync(importer, bundle, provider + " re-import");
        var afterSecond = await revision.CurrentAsync(CancellationToken.None);

        var rate = first.Report.Counts.IndicatorsAdded / first.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider} first import: {rate:N0} indicators/s wall; re-import wrote {(second.Report.WroteNothing ? "nothing" : "SOMETHING")}, revision {afterFirst} -> {afterSecond}"));
        return rate >= 100_000 && second.Report.WroteNothing && afterFirst == afterSecond;
    }

    /// <summary>Reads and parses a generated bundle without a store: the share of the import that is JSON and patterns.</summary>
    public static int Parse(int count)
    {
        var bundle = Path.Combine(Path.GetTempPath(), "rampart-stix-parse-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            StixBundleGenerator.Write(bundle, count);
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var (pauses, allocated, gen0, gen1) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1));
                using var stream = new FileStream(bundle, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                var reader = new StixBundleReader(stream);
                var parser = new StixObjectParser("bench");
                int objects = 0, indicators = 0;
                while (reader.TryReadObject(out var json))
                {
                    objects++;
                    indicators += parser.Parse(json, reader.BundleSpecVersion, out _)?.Version.Indicators?.Count ?? 0;
                }

                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parse: {objects:N0} objects, {indicators:N0} indicators in {clock.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU ({objects / cpuSeconds:N0}/CPU-s), GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB; this round: allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB ({(GC.GetTotalAllocatedBytes() - allocated) / (double)objects:N0} B/object), GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F2} s, gen0/1 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}; load average {LoadAverage()}"));
            }

            return 0;
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    /// <summary>
    /// The writing stage alone: the bundle parsed into memory first, then written into a fresh SQLite store
    /// (and PostgreSQL when given) chunk by chunk as the import writes it, timed without the parse.
    /// </summary>
    public static async Task<int> WriteAsync(int count, string? postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-stix-write-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var bundle = Path.Combine(folder, "bundle.json");
            StixBundleGenerator.Write(bundle, count);
            var chunks = new List<List<StixObjectVersion>>();
            using (var stream = new FileStream(bundle, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            {
                var reader = new StixBundleReader(stream);
                var parser = new StixObjectParser("bench");
                while (reader.TryReadObject(out var json))
                {
                    if (chunks.Count == 0 || chunks[^1].Count == StixImporter.ChunkSize)
                    {
                        chunks.Add(new List<StixObjectVersion>(StixImporter.ChunkSize));
                    }

                    chunks[^1].Add(parser.Parse(json, reader.BundleSpecVersion, out _)!.Value.Version);
                }
            }

            await WriteChunksAsync("SQLite", StoreLocation.ForDataFolder(Path.Combine(folder, "store")), chunks);
            if (postgres is { Length: > 0 })
            {
                await using var database = new ScratchPostgresDatabase(postgres, "rampart_stix_write");
                await WriteChunksAsync("PostgreSQL", database.Location, chunks);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WriteChunksAsync(string provider, StoreLocation location, List<List<StixObjectVersion>> chunks)
    {
        await using var services = new ServiceCollection().AddRampartStorage(location).AddIntelStorage().AddTaxiiStorage().BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        var store = services.GetRequiredService<IStixStore>();
        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            var counts = await store.ImportAsync("bench", async writer =>
            {
                var total = StixWriteCounts.Zero;
                foreach (var chunk in chunks)
                {
                    total += await writer.WriteAsync(chunk, CancellationToken.None);
                }

                return total;
            }, ChangeContext.System, StoreAccess.Exclusive, CancellationToken.None);
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider} write {(round == 0 ? "first" : "again")}: {counts.Added:N0} added, {counts.Unchanged:N0} unchanged, {counts.IndicatorsAdded:N0} indicators in {clock.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s; load average {LoadAverage()}"));
        }
    }

    /// <summary>The 1-minute load average: on a shared 2-core machine, wall-clock rates mean little without it.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static async Task<(StixImportReport Report, double Seconds)> ImportAsync(StixImporter importer, string bundle, string what)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var (pause, allocated) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        await using var stream = new FileStream(bundle, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        // As the CLI imports: a one-shot process that may hold the store for itself.
        var report = await importer.ImportAsync(stream, "bundle.json", "bench", ChangeContext.System, StoreAccess.Exclusive, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {report.Objects:N0} objects in {seconds:F1} s wall ({report.Objects / seconds:N0}/s), {cpuSeconds:F1} s CPU ({report.Objects / cpuSeconds:N0}/CPU-s): "
            + $"{report.Counts.Added:N0} new, {report.Counts.Unchanged:N0} unchanged, indicators {report.Counts.IndicatorsAdded:N0} added, {report.Problems.Count} problems; "
            + $"GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s, gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, "
            + $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB; load average {LoadAverage()}"));
        foreach (var problem in report.Problems.Take(3))
        {
            Console.WriteLine($"  problem: {problem}");
        }

        return (report, seconds);
    }
}
