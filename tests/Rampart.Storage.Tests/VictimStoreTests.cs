using Rampart.Core.Sinkhole;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class VictimStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly DateTimeOffset T0 = Ms(DateTimeOffset.UtcNow.AddHours(-2));

    private static SinkholeHit Hit(long sequence, string source, string name = "login.hanrnaii.net", string? caseId = "case-1") => new(
        $"node-a:{sequence}", "node-a", sequence, T0.AddMinutes(sequence), "dns-udp", source, 40000, caseId, name, 1, "NOERROR 1", null);

    [Fact]
    public async Task Importing_a_table_again_replaces_its_networks_and_leaves_other_tables_alone()
    {
        var store = await OpenAsync();
        var victims = store.Get<IVictimStore>();
        await victims.ImportAsync("cert-orgs", VictimTableKind.Organizations,
            [new("192.0.2.0/24", "Think Tank A", 64500, "US"), new("2001:db8::/32", "University B", null, null)], null, Analyst, Ct);
        await victims.ImportAsync("asn", VictimTableKind.Asn, [new("198.51.100.0/22", "EXAMPLE-NET", 64501, "DE")], null, Analyst, Ct);

        var replaced = await victims.ImportAsync("cert-orgs", VictimTableKind.Organizations, [new("203.0.113.0/24", "Ministry C", null, "FR")], "2 rows skipped", Analyst, Ct);

        Assert.Equal(2, replaced);
        var networks = await victims.ListNetworksAsync(Ct);
        Assert.Equal(
            [new("asn", VictimTableKind.Asn, new("198.51.100.0/22", "EXAMPLE-NET", 64501, "DE")), new StoredVictimNetwork("cert-orgs", VictimTableKind.Organizations, new("203.0.113.0/24", "Ministry C", null, "FR"))],
            networks.OrderBy(n => n.Table, StringComparer.Ordinal));
        var tables = await victims.ListTablesAsync(Ct);
        Assert.Equal([("asn", VictimTableKind.Asn, 1L), ("cert-orgs", VictimTableKind.Organizations, 1L)], tables.Select(t => (t.Table, t.Kind, t.Networks)));
        var audit = await store.Audit.ListAsync(10, null, Ct);
        Assert.Contains(audit, e => e.Action == "victims.import" && e.Target == "cert-orgs" && e.Detail == "1 organizations networks, replacing 2; 2 rows skipped");
    }

    [Fact]
    public async Task An_import_that_fails_part_way_leaves_the_previous_table_in_place()
    {
        var store = await OpenAsync();
        var victims = store.Get<IVictimStore>();
        await victims.ImportAsync("cert-orgs", VictimTableKind.Organizations, [new("192.0.2.0/24", "Think Tank A", null, null)], null, Analyst, Ct);

        // The same network twice breaks the primary key after the old rows were deleted: all of it rolls back.
        await Assert.ThrowsAnyAsync<Exception>(() => victims.ImportAsync("cert-orgs", VictimTableKind.Organizations,
            [new("203.0.113.0/24", "Ministry C", null, null), new("203.0.113.0/24", "Ministry C", null, null)], null, Analyst, Ct));

        var kept = Assert.Single(await victims.ListNetworksAsync(Ct));
        Assert.Equal("192.0.2.0/24", kept.Network.Network);
    }

    [Fact]
    public async Task Activity_gives_each_source_and_name_of_a_case_with_first_and_last_hit_and_count()
    {
        var store = await OpenAsync();
        await store.Get<ISinkholeHitStore>().AddAsync(
        [
            Hit(1, "192.0.2.7"), Hit(2, "192.0.2.7"), Hit(3, "192.0.2.7", "mail.hanrnaii.net"), Hit(4, "2001:db8::5"),
            Hit(5, "198.51.100.1", caseId: "case-2"), Hit(6, "198.51.100.2", caseId: null),
        ], Ct);

        var activity = await store.Get<IVictimStore>().ActivityAsync("case-1", Ct);

        Assert.Equal(
            [
                new SourceActivity("192.0.2.7", "login.hanrnaii.net", Hit(1, "").Time, Hit(2, "").Time, 2),
                new SourceActivity("192.0.2.7", "mail.hanrnaii.net", Hit(3, "").Time, Hit(3, "").Time, 1),
                new SourceActivity("2001:db8::5", "login.hanrnaii.net", Hit(4, "").Time, Hit(4, "").Time, 1),
            ],
            activity);
        Assert.Empty(await store.Get<IVictimStore>().ActivityAsync("no-such-case", Ct));
    }
}

public sealed class SqliteVictimStoreTests : VictimStoreTests<SqliteTarget>;

public sealed class PostgresVictimStoreTests : VictimStoreTests<PostgresTarget>;
