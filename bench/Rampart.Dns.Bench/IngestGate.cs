using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;
using Rampart.Storage;
using Rampart.Storage.Platform;
using Rampart.Storage.Sinkhole;
using Rampart.Testing;

namespace Rampart.Dns.Bench;

/// <summary>
/// Sustained ingestion: N hits spooled as the server writes them, then moved into a fresh SQLite
/// store (and PostgreSQL when a connection string is given) by the ingester. Gate: ≥ 20k hits/s each.
/// </summary>
internal static class IngestGate
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var postgres = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("RAMPART_TEST_POSTGRES");
        var folder = Directory.CreateTempSubdirectory("rampart-ingest-").FullName;
        try
        {
            var failed = false;
            failed |= !await MeasureAsync("SQLite", StoreLocation.ForDataFolder(Path.Combine(folder, "data")), Path.Combine(folder, "spool-sqlite"), count);
            if (postgres is { Length: > 0 })
            {
                await using var database = new ScratchPostgresDatabase(postgres, "rampart_ingest");
                failed |= !await MeasureAsync("PostgreSQL", database.Location, Path.Combine(folder, "spool-pg"), count);
            }
            else
            {
                Console.WriteLine("PostgreSQL: skipped (give a connection string or set RAMPART_TEST_POSTGRES)");
            }

            Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
            return failed ? 1 : 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<bool> MeasureAsync(string name, StoreLocation location, string spoolFolder, int count)
    {
        Fill(spoolFolder, count);
        await using var services = new ServiceCollection().AddRampartStorage(location).AddSinkholeStorage().BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(CancellationToken.None);
        var store = services.GetRequiredService<ISinkholeHitStore>();
        var ingester = new HitIngester(spoolFolder, "bench", store);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (await ingester.IngestOnceAsync(CancellationToken.None) > 0)
        {
        }

        var elapsed = clock.Elapsed;
        var usedCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var stored = await store.CountAsync(CancellationToken.None);
        var rate = stored / elapsed.TotalSeconds;
        Console.WriteLine($"{name}: {stored:N0} hits in {elapsed.TotalSeconds:F1} s = {rate:N0} hits/s wall, {stored / usedCpu.TotalSeconds:N0} hits per CPU-second of the ingester (gate ≥ 20,000 hits/s)");
        return stored == count && rate >= 20_000;
    }

    private static void Fill(string spoolFolder, int count)
    {
        var zones = SinkholeZoneSet.Create(
            Enumerable.Range(1, 50).Select(i => new SinkholeZone($"sink{i:D2}.example", $"case-{i}", [])),
            SinkholeZoneSettings.Default with { Addresses = [IPAddress.Parse("192.0.2.1")] },
            out _);
        using var spool = HitSpool.Open(new SpoolOptions { Directory = spoolFolder, NodeId = "bench" });
        var batch = new SpoolBatch();
        var response = new byte[1232];
        var random = new Random(14);
        for (var i = 0; i < count; i++)
        {
            var query = Query($"w{i}.sink{random.Next(1, 51):D2}.example");
            SinkholeResponder.Respond(query, response, zones, 1232, out var answer);
            ReadOnlySpan<byte> source = [198, 51, (byte)random.Next(256), (byte)random.Next(256)];
            batch.EndRecord(DnsHitCodec.Encode(batch.BeginRecord(DnsHitCodec.MaxPayload), 1_700_000_000_000_000 + i, DnsTransport.Udp, source, (ushort)random.Next(1024, 65535), query, answer));
            if (batch.Count == 64)
            {
                spool.Commit(batch);
                batch.Clear();
            }
        }

        spool.Commit(batch);
    }

    private static byte[] Query(string name)
    {
        var bytes = new List<byte> { 0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(label.Select(c => (byte)c));
        }

        bytes.AddRange([0, 0, 1, 0, 1]);
        return [.. bytes];
    }
}
