using Rampart.Core.Sinkhole;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class SinkholeHitStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly DateTimeOffset T0 = Ms(DateTimeOffset.UtcNow.AddHours(-1));

    private static SinkholeHit Hit(long sequence, string? caseId = "case-1", string source = "198.51.100.7", string name = "login.hanrnaii.net") => new(
        $"node-a:{sequence}", "node-a", sequence, T0.AddMinutes(sequence), "dns-udp", source, 40000 + (int)sequence,
        caseId, name, 1, "NOERROR 1", sequence % 2 == 0 ? "203.0.113.0/24" : null);

    [Fact]
    public async Task Hits_round_trip_and_adding_the_same_hit_again_stores_it_once()
    {
        var store = await OpenAsync();
        var hits = store.Get<ISinkholeHitStore>();
        var batch = Enumerable.Range(1, 10).Select(i => Hit(i)).ToList();

        var first = await hits.AddAsync(batch, Ct);
        var again = await hits.AddAsync([.. batch.Skip(5), Hit(11)], Ct);

        Assert.Equal(10, first);
        Assert.Equal(1, again);
        Assert.Equal(11, await hits.CountAsync(Ct));
        var listed = await hits.ListAsync(new SinkholeHitQuery(), Ct);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => Hit(i)), listed);
    }

    [Fact]
    public async Task Http_hits_keep_their_request_fields_beside_dns_hits()
    {
        var store = await OpenAsync();
        var hits = store.Get<ISinkholeHitStore>();
        var http = new SinkholeHit(
            "node-a:20", "node-a", 20, T0, "http", "198.51.100.8", 51000, "case-1", "login.hanrnaii.net", 0, "200", null,
            "POST", "Login.Hanrnaii.net:80", "/owa/auth.owa?x=1", "=HYPERLINK(\"x\")", "https://mail.example/", "10.0.0.1", 27, new string('a', 64));
        var withoutBody = http with { HitId = "node-a:21", Sequence = 21, HttpMethod = "GET", BodyLength = null, BodySha256 = null, UserAgent = null };
        var overTls = http with { HitId = "node-a:22", Sequence = 22, Transport = "https", TlsSni = "login.hanrnaii.net" };

        await hits.AddAsync([Hit(1), http, withoutBody, overTls], Ct);

        var listed = await hits.ListAsync(new SinkholeHitQuery(CaseId: "case-1"), Ct);
        Assert.Equal([Hit(1), http, withoutBody, overTls], listed.OrderBy(h => h.Sequence));
    }

    [Fact]
    public async Task Hits_are_listed_by_case_name_source_and_time()
    {
        var store = await OpenAsync();
        var hits = store.Get<ISinkholeHitStore>();
        await hits.AddAsync([Hit(1), Hit(2, "case-2"), Hit(3, source: "192.0.2.9"), Hit(4, name: "x.evil.example")], Ct);

        Assert.Equal([1L, 3L, 4L], (await hits.ListAsync(new SinkholeHitQuery(CaseId: "case-1"), Ct)).Select(h => h.Sequence));
        Assert.Equal([4L], (await hits.ListAsync(new SinkholeHitQuery(QueryName: "x.evil.example"), Ct)).Select(h => h.Sequence));
        Assert.Equal([3L], (await hits.ListAsync(new SinkholeHitQuery(SourceIp: "192.0.2.9"), Ct)).Select(h => h.Sequence));
        Assert.Equal([3L, 4L], (await hits.ListAsync(new SinkholeHitQuery(Since: Hit(3).Time), Ct)).Select(h => h.Sequence));
        Assert.Equal([1L], (await hits.ListAsync(new SinkholeHitQuery(Until: Hit(2).Time), Ct)).Select(h => h.Sequence));
    }

    [Fact]
    public async Task Listing_finds_nothing_on_an_empty_store_or_an_unknown_case_without_an_error()
    {
        // The crash test polls before the first hit lands: an empty result must read as empty.
        var store = await OpenAsync();
        var hits = store.Get<ISinkholeHitStore>();

        Assert.Empty(await hits.ListAsync(new SinkholeHitQuery(), Ct));
        await hits.AddAsync([Hit(1)], Ct);
        Assert.Empty(await hits.ListAsync(new SinkholeHitQuery(CaseId: "no-such-case"), Ct));
        Assert.Single(await hits.ListAsync(new SinkholeHitQuery(), Ct));
    }

    [Fact]
    public async Task Storing_hits_does_not_advance_the_store_revision()
    {
        var store = await OpenAsync();

        await store.Get<ISinkholeHitStore>().AddAsync([Hit(1)], Ct);

        Assert.Equal(0, await store.Revision.CurrentAsync(Ct));
    }
}

public sealed class SqliteSinkholeHitStoreTests : SinkholeHitStoreTests<SqliteTarget>;

public sealed class PostgresSinkholeHitStoreTests : SinkholeHitStoreTests<PostgresTarget>;
