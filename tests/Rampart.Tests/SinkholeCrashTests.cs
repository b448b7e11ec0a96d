using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Sinkhole;
using Rampart.Storage;
using Rampart.Storage.Platform;
using Rampart.Storage.Sinkhole;

namespace Rampart.Tests;

/// <summary>
/// kill -9 of a sinkhole node under load, then a restart: every query the load client saw answered
/// is in the store exactly once. The client puts a serial in every name and sends each serial once.
/// </summary>
public sealed class SinkholeCrashTests
{
    private const string Zones = """{ "addresses": ["192.0.2.1"], "zones": [ { "apex": "evil.example", "case": "case-1" } ] }""";

    [Fact]
    public async Task Every_answered_query_is_stored_exactly_once_after_a_kill_during_load()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = RampartCli.NewDataFolder();
        var zones = RampartCli.WriteFile(data, "zones.json", Zones);
        var answered = new ConcurrentDictionary<int, bool>();
        var sent = 0;

        using (var node = await StartAsync(data, zones, ct))
        {
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            client.Connect(node.EndPoint);
            using var stopReceiving = new CancellationTokenSource();
            var receiving = ReceiveAsync(client, answered, stopReceiving.Token);
            var killAt = Stopwatch.StartNew();
            var runFor = TimeSpan.FromMilliseconds(Random.Shared.Next(1500, 3000));
            while (killAt.Elapsed < runFor)
            {
                for (var i = 0; i < 20; i++)
                {
                    await client.SendAsync(Query(++sent), ct);
                }

                await Task.Delay(1, ct);
            }

            node.Process.Kill(); // SIGKILL while queries are in flight
            await node.Process.WaitForExitAsync(ct);
            await Task.Delay(300, ct);
            await stopReceiving.CancelAsync();
            await receiving;
        }

        Assert.True(answered.Count > 100, $"only {answered.Count} of {sent} queries were answered before the kill");

        File.Delete(Path.Combine(data, "sinkhole.json"));
        using (var restarted = await StartAsync(data, zones, ct))
        {
            var stored = await WaitForHitsAsync(data, answered.Count, ct);
            var bySerial = stored.GroupBy(h => h.QueryName).ToDictionary(g => g.Key, g => g.Count());
            var missing = answered.Keys.Where(s => !bySerial.ContainsKey(Name(s))).Order().ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} answered queries missing from the store, first {string.Join(", ", missing.Take(5))}");
            Assert.All(bySerial, pair => Assert.Equal(1, pair.Value));
            Assert.All(stored, h => Assert.Equal("case-1", h.CaseId));
            restarted.Process.Kill();
        }
    }

    private static string Name(int serial) => $"s{serial}.evil.example";

    private static byte[] Query(int serial)
    {
        var bytes = new List<byte> { (byte)(serial >> 8), (byte)serial, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in Name(serial).Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, 0, 1, 0, 1]);
        return [.. bytes];
    }

    private static async Task ReceiveAsync(Socket client, ConcurrentDictionary<int, bool> answered, CancellationToken cancellationToken)
    {
        var buffer = new byte[1500];
        try
        {
            while (true)
            {
                var length = await client.ReceiveAsync(buffer, cancellationToken);
                // The serial is the first label of the question: "s123".
                if (length > 14 && (buffer[2] & 0x80) != 0 && (buffer[3] & 0x0F) == 0)
                {
                    var label = Encoding.ASCII.GetString(buffer, 13, buffer[12]);
                    answered.TryAdd(int.Parse(label[1..], System.Globalization.CultureInfo.InvariantCulture), true);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
            // The node is gone (ICMP port unreachable).
        }
    }

    private static async Task<IReadOnlyList<SinkholeHit>> WaitForHitsAsync(string data, int atLeast, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection()
            .AddRampartStorage(StoreLocation.ForDataFolder(data))
            .AddSinkholeStorage()
            .BuildServiceProvider();
        var store = services.GetRequiredService<ISinkholeHitStore>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var hits = await store.ListAsync(new SinkholeHitQuery(Limit: 10_000_000), cancellationToken);
                if (hits.Count >= atLeast || clock.Elapsed > TimeSpan.FromSeconds(90))
                {
                    return hits;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                // Not migrated yet.
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<SinkholeNode> StartAsync(string data, string zones, CancellationToken cancellationToken)
    {
        var process = Process.Start(RampartCli.StartInfo(data, "sinkhole", "--zones", zones, "--port", "0", "--udp-loops", "1"))!;
        var addressFile = Path.Combine(data, "sinkhole.json");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(addressFile))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"the sinkhole did not start: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            await Task.Delay(50, cancellationToken);
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(addressFile, cancellationToken));
        return new SinkholeNode(process, IPEndPoint.Parse(json.RootElement.GetProperty("dns").GetString()!));
    }

    private sealed record SinkholeNode(Process Process, IPEndPoint EndPoint) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.Dispose();
        }
    }
}
