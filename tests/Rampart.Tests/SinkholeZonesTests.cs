using System.Net;
using System.Text.Json;
using DnsClient;
using Rampart.Testing;

namespace Rampart.Tests;

/// <summary>
/// <c>rampart sinkhole</c> without <c>--zones</c>: a sinkhole-only node serving the store's sinkholed
/// cases, starting from its zone cache when the store is unreachable, and reporting itself not ready
/// once its spool holds too much not yet stored.
/// </summary>
public sealed class SinkholeZonesTests
{
    /// <summary>A PostgreSQL store nobody listens for: connections are refused at once.</summary>
    private const string UnreachableDatabase = "Host=127.0.0.1;Port=1;Username=rampart;Password=unused;Database=rampart;Timeout=3";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_serves_the_stores_sinkholed_cases_and_starts_from_its_cache_when_the_store_is_unreachable()
    {
        var data = RampartCli.NewDataFolder();
        var lures = (await RampartCli.RunAsync(data, "case", "new", "THALLIUM lures")).Stdout.Trim();
        Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "add", lures, "hanrnaii.net")).ExitCode);
        foreach (var status in new[] { "filed", "granted", "seized", "sinkholed" })
        {
            Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "status", lures, status)).ExitCode);
        }

        using (var node = await SinkholeNodeProcess.StartAsync(data, Ct, "--port", "0", "--answer", "192.0.2.53", "--udp-loops", "1"))
        {
            var answer = await AskAsync(node.Dns, "www.hanrnaii.net");
            Assert.Equal(DnsHeaderResponseCode.NoError, answer.Header.ResponseCode);
            Assert.Equal("192.0.2.53", Assert.Single(answer.Answers.ARecords()).Address.ToString());
            Assert.Equal(DnsHeaderResponseCode.Refused, (await AskAsync(node.Dns, "other.example")).Header.ResponseCode);
        }

        Assert.True(File.Exists(Path.Combine(data, "sinkhole", "zones-cache.json")));
        using (var offline = await SinkholeNodeProcess.StartAsync(data, Ct, "--database", UnreachableDatabase, "--port", "0", "--answer", "192.0.2.53", "--udp-loops", "1"))
        {
            var answer = await AskAsync(offline.Dns, "login.hanrnaii.net");
            Assert.Equal(DnsHeaderResponseCode.NoError, answer.Header.ResponseCode);
            Assert.Equal("192.0.2.53", Assert.Single(answer.Answers.ARecords()).Address.ToString());
            Assert.Contains("from the cache: the store is unreachable", offline.Printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_node_with_neither_a_store_nor_a_cache_stops_and_says_why()
    {
        var data = RampartCli.NewDataFolder();
        var result = await RampartCli.RunAsync(data, "--database", UnreachableDatabase, "sinkhole", "--port", "0", "--answer", "192.0.2.53");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("the store is unreachable", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no zone cache at " + Path.Combine(data, "sinkhole", "zones-cache.json"), result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "sinkhole.json")));
    }

    [Fact]
    public async Task A_node_whose_spool_passes_its_limit_says_it_is_not_ready_and_with_exit_when_not_ready_stops()
    {
        var data = RampartCli.NewDataFolder();
        var zones = RampartCli.WriteFile(data, "zones.json", """{ "addresses": ["192.0.2.1"], "zones": [ { "apex": "evil.example", "case": "case-1" } ] }""");
        using var node = await SinkholeNodeProcess.StartAsync(data, Ct, "--zones", zones, "--port", "0", "--udp-loops", "1", "--no-ingest", "--max-pending-bytes", "4096", "--exit-when-not-ready");
        Assert.True(Ready(data));
        var client = Client(node.Dns);
        for (var i = 0; !node.Process.HasExited && i < 100_000; i++)
        {
            try
            {
                await client.QueryAsync($"q{i}.evil.example", QueryType.A, cancellationToken: Ct);
            }
            catch (DnsResponseException)
            {
                // The node stopped between two queries.
            }
        }

        await node.Process.WaitForExitAsync(Ct);
        Assert.Equal(75, node.Process.ExitCode);
        Assert.Contains("Sinkhole node not ready:", node.Printed, StringComparison.Ordinal);
        Assert.Contains("past the limit of 4096", node.Printed, StringComparison.Ordinal);
        Assert.False(Ready(data));
    }

    private static bool Ready(string data) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "sinkhole.json"))).RootElement.GetProperty("ready").GetBoolean();

    private static Task<IDnsQueryResponse> AskAsync(IPEndPoint server, string name) => Client(server).QueryAsync(name, QueryType.A, cancellationToken: Ct);

    private static LookupClient Client(IPEndPoint server) => SinkholeLookupClient.For(server);
}
