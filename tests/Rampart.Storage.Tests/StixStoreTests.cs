using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class StixStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly DateTimeOffset January = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static StixObjectVersion Indicator(string id, DateTimeOffset modified, string domain, bool revoked = false, Tlp? tlp = null) =>
        new(id, "indicator", modified, revoked, tlp, $$"""{"id":"{{id}}","modified":"{{modified:O}}"}""",
            Indicators: [new NewIndicator(new IndicatorValue(IndicatorType.Domain, domain, domain), "stix", Tlp: tlp, StixRef: id)]);

    private static async Task<StixWriteCounts> WriteAsync(TestStore store, params StixObjectVersion[] objects) =>
        await store.Get<IStixStore>().ImportAsync("test", writer => writer.WriteAsync(objects, Ct), Analyst, Ct);

    [Fact]
    public async Task Each_version_is_kept_the_newest_is_read_and_the_same_version_again_writes_nothing()
    {
        var store = await OpenAsync();
        var first = await WriteAsync(store, Indicator("indicator--a", January, "v1.example"), Indicator("indicator--a", January.AddDays(1), "v2.example", tlp: Tlp.Amber));
        var revision = await store.Revision.CurrentAsync(Ct);

        var again = await WriteAsync(store, Indicator("indicator--a", January, "v1.example"), Indicator("indicator--a", January.AddDays(1), "v2.example", tlp: Tlp.Amber));

        Assert.Equal((2, 0, 2), (first.Added, first.Unchanged, first.IndicatorsAdded));
        Assert.Equal((0, 2, 0), (again.Added, again.Unchanged, again.IndicatorsAdded));
        Assert.Equal(revision, await store.Revision.CurrentAsync(Ct));
        var newest = Assert.Single(await store.Get<IStixStore>().StreamAsync(new StixSelection(), Ct).ToListAsync(Ct));
        Assert.Equal((January.AddDays(1), Tlp.Amber), (newest.Modified, newest.Tlp));
    }

    [Fact]
    public async Task A_chunk_longer_than_one_insert_statement_stores_every_field_of_every_version()
    {
        var store = await OpenAsync();
        var objects = Enumerable.Range(0, 123).Select(i => Indicator($"indicator--{i:D3}", January.AddMinutes(i), $"d{i}.example", tlp: Tlp.Green)).ToArray();

        await WriteAsync(store, objects);

        var stored = await store.Get<IStixStore>().StreamAsync(new StixSelection(), Ct).ToListAsync(Ct);
        Assert.Equal(
            objects.Select(o => (o.Id, o.Type, o.Modified, o.Tlp, o.Json)),
            stored.Select(o => (o.Id, o.Type, o.Modified, o.Tlp, o.Json)));
        Assert.All(stored, o => Assert.Equal(stored[0].Revision, o.Revision));
    }

    [Fact]
    public async Task An_older_version_arriving_later_does_not_undo_the_newer_one()
    {
        var store = await OpenAsync();
        await WriteAsync(store, Indicator("indicator--a", January.AddDays(1), "new.example"));

        var late = await WriteAsync(store, Indicator("indicator--a", January, "old.example"));

        Assert.Equal((1, 0), (late.Added, late.IndicatorsAdded));
        Assert.Equal(["new.example"], (await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items.Select(i => i.NormalizedValue));
    }

    [Fact]
    public async Task A_revoked_newest_version_revokes_the_indicators_derived_from_the_object()
    {
        var store = await OpenAsync();
        await WriteAsync(store, Indicator("indicator--a", January, "evil.example"));

        await WriteAsync(store, Indicator("indicator--a", January.AddDays(1), "evil.example", revoked: true));

        var all = await store.Indicators.ListAsync(new IndicatorQuery(IncludeRevoked: true), Ct);
        Assert.True(Assert.Single(all.Items).Revoked);
        Assert.Equal("indicator--a", all.Items[0].StixRef);
    }

    [Fact]
    public async Task Known_ids_and_attribution_see_what_this_import_wrote()
    {
        var store = await OpenAsync();
        var attributed = await store.Get<IStixStore>().ImportAsync("test", async writer =>
        {
            await writer.WriteAsync([Indicator("indicator--a", January, "evil.example")], Ct);
            var known = await writer.KnownIdsAsync(["indicator--a", "intrusion-set--nowhere"], Ct);
            Assert.Equal(["indicator--a"], known);
            return await writer.AttributeAsync(["indicator--a"], "intrusion-set--strontium", Ct);
        }, Analyst, Ct);

        Assert.Equal(1, attributed);
        Assert.Equal("intrusion-set--strontium", Assert.Single((await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items).ActorId);
    }
}

public sealed class SqliteStixStoreTests : StixStoreTests<SqliteTarget>;

public sealed class PostgresStixStoreTests : StixStoreTests<PostgresTarget>;
