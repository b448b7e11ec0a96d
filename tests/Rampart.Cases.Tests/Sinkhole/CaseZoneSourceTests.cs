using System.Net;
using DnsClient;
using Rampart.Cases.Sinkhole;
using Rampart.Core.Cases;
using Rampart.Core.Sinkhole;
using Rampart.Core.Storage;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;
using Rampart.Testing;

namespace Rampart.Cases.Tests.Sinkhole;

/// <summary>The sinkhole's zones follow the store's sinkholed cases, and survive an unreachable store through the cache.</summary>
public sealed class CaseZoneSourceTests
{
    private static readonly SinkholeZoneSettings Settings = SinkholeZoneSettings.Default with { Addresses = [IPAddress.Parse("192.0.2.53")] };

    [Fact]
    public async Task A_case_moved_to_sinkholed_is_answered_after_one_poll_and_refused_once_released()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await CaseLab.OpenAsync();
        var seized = await lab.CaseAsync("THALLIUM lures", CaseStatus.Seized, "hanrnaii.net");
        await lab.CaseAsync("still a draft", CaseStatus.Draft, "draft.example");
        var source = Source(lab);
        await source.StartAsync(ct);
        await using var node = new Node(source);

        Assert.Equal(DnsHeaderResponseCode.Refused, (await node.AskAsync("www.hanrnaii.net")).Header.ResponseCode);

        await lab.Cases.SetStatusAsync(seized.Id, CaseStatus.Sinkholed, null, CaseLab.Alice, ct);
        Assert.True(await source.RefreshAsync(ct));
        var answered = await node.AskAsync("www.hanrnaii.net");
        Assert.Equal(DnsHeaderResponseCode.NoError, answered.Header.ResponseCode);
        Assert.Equal("192.0.2.53", Assert.Single(answered.Answers.ARecords()).Address.ToString());
        Assert.Equal(DnsHeaderResponseCode.Refused, (await node.AskAsync("draft.example")).Header.ResponseCode);

        await lab.Cases.SetStatusAsync(seized.Id, CaseStatus.Released, null, CaseLab.Alice, ct);
        Assert.True(await source.RefreshAsync(ct));
        Assert.Equal(DnsHeaderResponseCode.Refused, (await node.AskAsync("www.hanrnaii.net")).Header.ResponseCode);
    }

    [Fact]
    public async Task A_domain_added_to_a_sinkholed_case_is_answered_with_the_case_in_its_hit_and_a_new_serial()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await CaseLab.OpenAsync();
        var sinkholed = await lab.CaseAsync("lures", CaseStatus.Sinkholed, "hanrnaii.net");
        var source = Source(lab);
        await source.StartAsync(ct);
        var serial = source.Current.Settings.Serial;

        await lab.Service.AddDomainsAsync(sinkholed.Id, ["hotrnall.com"], "pivot", CaseLab.Alice, ct);
        Assert.True(await source.RefreshAsync(ct));
        Assert.True(source.Current.Contains("hotrnall.com"));
        Assert.True(source.Current.Settings.Serial > serial);

        await using var node = new Node(source);
        Assert.Equal(DnsHeaderResponseCode.NoError, (await node.AskAsync("mail.hotrnall.com")).Header.ResponseCode);
        var hit = Assert.Single(await node.StoredHitsAsync(lab.Get<ISinkholeHitStore>()));
        Assert.Equal(("mail.hotrnall.com", sinkholed.Id), (hit.QueryName, hit.CaseId));
    }

    [Fact]
    public async Task Nothing_changed_in_the_store_means_no_new_set()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await CaseLab.OpenAsync();
        await lab.CaseAsync("lures", CaseStatus.Sinkholed, "hanrnaii.net");
        var source = Source(lab);
        await source.StartAsync(ct);
        var first = source.Current;

        await lab.CaseAsync("unrelated", CaseStatus.Filed, "other.example");
        await source.RefreshAsync(ct);
        await source.RefreshAsync(ct);
        Assert.Same(first, source.Current);
    }

    [Fact]
    public async Task A_node_whose_store_is_unreachable_at_start_answers_from_the_cache()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await CaseLab.OpenAsync();
        var sinkholed = await lab.CaseAsync("lures", CaseStatus.Sinkholed, "hanrnaii.net");
        await Source(lab).StartAsync(ct); // a node that once read the store wrote the cache

        var unreachable = new UnreachableStore();
        var offline = new CaseZoneSource(unreachable, unreachable, unreachable, Settings, CaseZoneSource.CacheFileIn(lab.Folder));
        await offline.StartAsync(ct);
        Assert.True(offline.FromCache);
        await using var node = new Node(offline);
        var answered = await node.AskAsync("login.hanrnaii.net");
        Assert.Equal(DnsHeaderResponseCode.NoError, answered.Header.ResponseCode);
        Assert.Equal("192.0.2.53", Assert.Single(answered.Answers.ARecords()).Address.ToString());
        var hit = Assert.Single(await node.StoredHitsAsync(lab.Get<ISinkholeHitStore>()));
        Assert.Equal(("login.hanrnaii.net", sinkholed.Id), (hit.QueryName, hit.CaseId));

        // Still unreachable: the cached set stays.
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => offline.RefreshAsync(ct));
        Assert.True(offline.Current.Contains("hanrnaii.net"));
    }

    [Fact]
    public async Task A_node_with_neither_store_nor_cache_refuses_to_start_and_says_why()
    {
        var ct = TestContext.Current.CancellationToken;
        var unreachable = new UnreachableStore();
        var cache = Path.Combine(Path.GetTempPath(), "rampart-no-cache-" + Guid.NewGuid().ToString("N"), "zones-cache.json");
        var source = new CaseZoneSource(unreachable, unreachable, unreachable, Settings, cache);

        var error = await Assert.ThrowsAsync<SinkholeZonesUnavailableException>(() => source.StartAsync(ct));
        Assert.Contains("store is unreachable", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(cache, error.Message, StringComparison.Ordinal);
    }

    private static CaseZoneSource Source(CaseLab lab) =>
        new(lab.Cases, lab.Get<IStoreRevision>(), lab.Get<IRpzSerialStore>(), Settings, CaseZoneSource.CacheFileIn(lab.Folder));

    /// <summary>A real DNS sinkhole on 127.0.0.1 (port 0) serving a zone source, with its spool in a scratch folder.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "rampart-zone-node-" + Guid.NewGuid().ToString("N"));
        private readonly HitSpool _spool;
        private readonly DnsSinkholeServer _server;
        private readonly LookupClient _client;

        public Node(ISinkholeZoneSource zones)
        {
            _spool = HitSpool.Open(new SpoolOptions { Directory = Path.Combine(_folder, "spool"), NodeId = "node" });
            _server = new DnsSinkholeServer(new SinkholeServerOptions { Port = 0, UdpLoops = 1 }, zones, _spool);
            _server.Start();
            _client = SinkholeLookupClient.For(_server.UdpEndPoint);
        }

        public Task<IDnsQueryResponse> AskAsync(string name) => _client.QueryAsync(name, QueryType.A, cancellationToken: TestContext.Current.CancellationToken);

        /// <summary>The node's hits, moved into <paramref name="store"/> by the ingester.</summary>
        public async Task<IReadOnlyList<SinkholeHit>> StoredHitsAsync(ISinkholeHitStore store)
        {
            var ct = TestContext.Current.CancellationToken;
            var ingester = new HitIngester(_spool.Directory, _spool.NodeId, store);
            while (await ingester.IngestOnceAsync(ct) > 0)
            {
            }

            return await store.ListAsync(new SinkholeHitQuery(Limit: 1000), ct);
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            _spool.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
