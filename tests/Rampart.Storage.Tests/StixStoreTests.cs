using System.Globalization;
using System.Text;
using Dapper;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class StixStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly DateTimeOffset January = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static StixObjectVersion Indicator(string id, DateTimeOffset modified, string domain, bool revoked = false, Tlp? tlp = null) =>
        new(id, "indicator", modified, revoked, tlp, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","modified":"{{modified:O}}"}"""),
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
            objects.Select(o => (o.Id, o.Type, o.Modified, o.Tlp, Encoding.UTF8.GetString(o.Utf8Json.Span))),
            stored.Select(o => (o.Id, o.Type, o.Modified, o.Tlp, o.Json)));
        Assert.All(stored, o => Assert.Equal(stored[0].Revision, o.Revision));
    }

    /// <summary>
    /// Multi-row statements bind many rows' parameters by number: a parameter bound to the wrong row or
    /// column writes plausible data. Every column of every row is read back, each row's values distinct.
    /// </summary>
    [Fact]
    public async Task A_batch_of_multi_row_inserts_writes_every_column_of_every_row_to_its_own_row()
    {
        var store = await OpenAsync();
        var tlps = new Tlp?[] { null, Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red };
        var objects = Enumerable.Range(0, 123).Select(i =>
        {
            var id = $"indicator--{i:D3}";
            var tlp = tlps[i % tlps.Length];
            var indicator = new NewIndicator(
                new IndicatorValue(IndicatorType.Domain, $"D{i}.example", $"d{i}.example"), $"feed-{i % 3}", i % 101, i % 4 == 0 ? $"intrusion-set--{i}" : null,
                January.AddMinutes(i), i % 2 == 0 ? January.AddDays(30 + i) : null, tlp, id);
            return new StixObjectVersion(
                id, "indicator", January.AddSeconds(i), i % 5 == 0, tlp, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","n":{{i}}}"""),
                $"name {i}", i % 2 == 0 ? $"X{i}" : null, i % 3 == 0 ? $"rel-{i}" : null, $"source--{i}", i % 7 == 0 ? null : $"target--{i}",
                i % 5 == 0 ? null : [indicator]);
        }).ToArray();

        var counts = await WriteAsync(store, objects);
        var revision = await store.Revision.CurrentAsync(Ct);

        Assert.Equal((123, objects.Count(o => o.Indicators is not null)), (counts.Added, counts.IndicatorsAdded));
        await using var connection = await store.OpenAsync();
        var rows = (await connection.QueryAsync<(string Id, string Modified, string Type, bool Revoked, string? Tlp, string? Name, string? ExternalId, string? RelationshipType, string? SourceRef, string? TargetRef, string Source, string Json, long ImportedAt, long Revision)>(
            "SELECT id, modified, type, revoked, tlp, name, external_id, relationship_type, source_ref, target_ref, source, json, imported_at, revision FROM stix_objects ORDER BY id")).ToList();
        Assert.Equal(
            objects.Select(o => (o.Id, o.Modified!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), o.Type, o.Revoked, o.Tlp?.ToWire(), o.Name, o.ExternalId, o.RelationshipType, o.SourceRef, o.TargetRef, "test", Encoding.UTF8.GetString(o.Utf8Json.Span))),
            rows.Select(r => (r.Id, r.Modified, r.Type, r.Revoked, r.Tlp, r.Name, r.ExternalId, r.RelationshipType, r.SourceRef, r.TargetRef, r.Source, r.Json)));
        Assert.All(rows, r => Assert.Equal((rows[0].ImportedAt, revision), (r.ImportedAt, r.Revision)));

        var indicators = (await connection.QueryAsync<(string Type, string Value, string Normalized, string Source, long ValidFrom, long? ValidUntil, int Confidence, string? ActorId, bool Revoked, long CreatedAt, long ModifiedAt, long Revision, string? Tlp, string? StixRef)>(
            "SELECT type, value, normalized_value, source, valid_from, valid_until, confidence, actor_id, revoked, created_at, modified_at, revision, tlp, stix_ref FROM indicators ORDER BY stix_ref")).ToList();
        var expected = objects.Where(o => o.Indicators is not null).Select(o => o.Indicators![0]).ToList();
        Assert.Equal(
            expected.Select(i => ("domain", i.Value.Value, i.Value.Normalized, i.Source, i.ValidFrom!.Value.ToUnixTimeMilliseconds(), i.ValidUntil?.ToUnixTimeMilliseconds(), i.Confidence, i.ActorId, false, rows[0].ImportedAt, rows[0].ImportedAt, revision, i.Tlp?.ToWire(), i.StixRef)),
            indicators.Select(r => (r.Type, r.Value, r.Normalized, r.Source, r.ValidFrom, r.ValidUntil, r.Confidence, r.ActorId, r.Revoked, r.CreatedAt, r.ModifiedAt, r.Revision, r.Tlp, r.StixRef)));

        // TAXII's date_added: one per stored version, each its own, none before the import time (SQLite keeps
        // it in the version's row, PostgreSQL's trigger in a log row).
        var log = (await connection.QueryAsync<(long DateAdded, string? Collection, string Id, string Modified)>(Target.Provider == StoreProvider.Sqlite
            ? "SELECT date_added, NULL AS collection_id, id, modified FROM stix_objects ORDER BY id"
            : "SELECT date_added, collection_id, id, modified FROM taxii_log ORDER BY id")).ToList();
        Assert.Equal(rows.Select(r => ((string?)null, r.Id, r.Modified)), log.Select(l => (l.Collection, l.Id, l.Modified)));
        Assert.True(log.Min(l => l.DateAdded) >= rows[0].ImportedAt * 1000);
        Assert.Equal(log.Count, log.Select(l => l.DateAdded).Distinct().Count());
    }

    [Fact]
    public async Task An_object_is_found_by_its_name_in_any_case_or_by_its_external_id_in_its_newest_version_only()
    {
        var store = await OpenAsync();
        StixObjectVersion Set(DateTimeOffset modified, string name) =>
            new("intrusion-set--a", "intrusion-set", modified, false, null, "{}"u8.ToArray(), Name: name, ExternalId: "G0007");
        await WriteAsync(store, Set(January, "APT28"), Set(January.AddDays(1), "Fancy Bear"), Indicator("indicator--a", January, "fancy.example"));
        var stix = store.Get<IStixStore>();

        var byName = await stix.FindAsync("intrusion-set", " fANCY bear ", Ct);
        var byOldName = await stix.FindAsync("intrusion-set", "apt28", Ct);
        var byExternalId = await stix.FindAsync("intrusion-set", "g0007", Ct);
        var otherType = await stix.FindAsync("campaign", "Fancy Bear", Ct);

        Assert.Equal([(January.AddDays(1), "Fancy Bear")], byName.Select(o => (o.Modified, o.Name)));
        Assert.Empty(byOldName);
        Assert.Equal([(January.AddDays(1), "Fancy Bear")], byExternalId.Select(o => (o.Modified, o.Name)));
        Assert.Empty(otherType);
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

    /// <summary>
    /// An import that starts on an empty store skips the stored-version look-up for ids it has not
    /// written yet, and a bulk one (SQLite, from 10 objects here) finds them without the (id, modified)
    /// index: what its earlier chunks wrote must still be found by its later ones.
    /// </summary>
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(10)]
    public async Task An_import_into_an_empty_store_finds_in_later_chunks_the_versions_its_earlier_chunks_wrote(int bulkAfter)
    {
        var store = await OpenAsync();
        var first = Enumerable.Range(0, 60).Reverse().Select(i => Indicator($"indicator--{i:D3}", January, $"d{i}.example")).ToArray();
        var counts = await BulkStore(store, bulkAfter).ImportAsync("test", async writer =>
        {
            var total = await writer.WriteAsync(first, Ct);
            total += await writer.WriteAsync([first[7], Indicator("indicator--007", January.AddDays(1), "d7-new.example"), Indicator("indicator--100", January, "d100.example")], Ct);
            Assert.Equal(bulkAfter == 10 && Target.Provider == StoreProvider.Sqlite, ((StixImportWriter)writer).VersionIndexSetAside);
            total += await writer.WriteAsync([Indicator("indicator--007", January, "d7.example"), first[59], Indicator("indicator--100", January, "d100.example")], Ct);
            var known = await writer.KnownIdsAsync(["indicator--000", "indicator--100", "indicator--999"], Ct);
            Assert.Equal(["indicator--000", "indicator--100"], known.Order());
            return total;
        }, Analyst, Ct);

        Assert.Equal((62, 4, 62), (counts.Added, counts.Unchanged, counts.IndicatorsAdded));
        var versions = await store.Get<IStixStore>().StreamAsync(new StixSelection(), Ct).ToListAsync(Ct);
        Assert.Equal(61, versions.Count);
        Assert.Equal(January.AddDays(1), versions.Single(v => v.Id == "indicator--007").Modified);
    }

    /// <summary>
    /// The import prepares chunk n+1 on its reading thread while chunk n is written: a chunk prepared before the one
    /// ahead of it was written still finds what that one wrote, and one prepared while chunks were all new but
    /// written when they are not keeps an older version from undoing a newer one.
    /// </summary>
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(10)]
    public async Task A_chunk_prepared_before_the_one_ahead_of_it_was_written_finds_what_that_one_wrote(int bulkAfter)
    {
        var store = await OpenAsync();
        // Ids counting down: at 10 objects, a bulk import sets the (id, modified) index aside (SqliteBulkIndexes).
        var first = Enumerable.Range(0, 60).Reverse().Select(i => Indicator($"indicator--{i:D3}", January, $"d{i}.example")).ToArray();
        var (d7, d59) = (first.Single(o => o.Id == "indicator--007"), first.Single(o => o.Id == "indicator--059"));
        var counts = await BulkStore(store, bulkAfter).ImportAsync("test", async writer =>
        {
            var a = writer.Prepare(first);
            var b = writer.Prepare([Indicator("indicator--007", January.AddDays(1), "d7-new.example"), d7, Indicator("indicator--100", January, "d100.example")]);
            var total = await writer.WriteAsync(a, Ct);
            var c = writer.Prepare([Indicator("indicator--007", January.AddHours(12), "d7-late.example"), d59]);
            total += await writer.WriteAsync(b, Ct);
            Assert.Equal(bulkAfter == 10 && Target.Provider == StoreProvider.Sqlite, ((StixImportWriter)writer).VersionIndexSetAside);
            total += await writer.WriteAsync(c, Ct);
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(c, Ct));
            return total;
        }, Analyst, Ct);

        Assert.Equal((63, 2, 62), (counts.Added, counts.Unchanged, counts.IndicatorsAdded));
        var indicators = (await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items.Select(i => i.NormalizedValue).ToList();
        Assert.Contains("d7-new.example", indicators);
        Assert.DoesNotContain("d7-late.example", indicators);
        var versions = await store.Get<IStixStore>().StreamAsync(new StixSelection(), Ct).ToListAsync(Ct);
        Assert.Equal(61, versions.Count);
    }

    /// <summary>The seen-ids filter is 8 MB: an import of one chunk (a TAXII add-objects request) never makes one, a bulk one into an empty SQLite store does.</summary>
    [Fact]
    public async Task Only_an_import_of_more_than_one_chunk_keeps_a_seen_id_filter()
    {
        var store = await OpenAsync();
        var kept = await store.Get<IStixStore>().ImportAsync("test", async writer =>
        {
            await writer.WriteAsync([Indicator("indicator--a", January, "a.example"), Indicator("indicator--b", January, "b.example")], Ct);
            var afterOne = ((StixImportWriter)writer).KeepsSeenIdFilter;
            await writer.WriteAsync([Indicator("indicator--c", January, "c.example")], Ct);
            return (afterOne, ((StixImportWriter)writer).KeepsSeenIdFilter);
        }, Analyst, Ct);

        Assert.Equal((false, Target.Provider == StoreProvider.Sqlite), kept);
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

    /// <summary>A store whose bulk imports set the stix_ref index aside after <paramref name="after"/> indicators (SQLite; PostgreSQL never does).</summary>
    private static StixStore BulkStore(TestStore store, int after) => new(store.Get<StoreChanges>(), store.Get<IStixVersionLog>()) { SetAsideAfter = after };

    /// <summary>Objects over several chunks with what a feed repeats: an id again with a later version, the same value from two objects (the later wins), an exact repeat.</summary>
    private static List<StixObjectVersion[]> BundleWithRepeats()
    {
        var chunks = Enumerable.Range(0, 4).Select(c => Enumerable.Range(0, 90).Select(i => Indicator($"indicator--{(c * 90 + i) * 7919 % 1000:D3}", January, $"d{c * 90 + i}.example")).ToArray()).ToList();
        chunks.Add([
            Indicator("indicator--a1", January, "d5.example"), chunks[0][10], Indicator(chunks[1][3].Id, January.AddDays(1), "renamed.example"),
            Indicator(chunks[2][4].Id, January.AddDays(-1), "older.example")]);
        return chunks;
    }

    private static async Task<StixWriteCounts> WriteChunksAsync(IStixStore stix, IEnumerable<StixObjectVersion[]> chunks, Action<StixImportWriter>? afterEach = null) =>
        await stix.ImportAsync("test", async writer =>
        {
            var total = StixWriteCounts.Zero;
            foreach (var chunk in chunks)
            {
                total += await writer.WriteAsync(chunk, Ct);
                afterEach?.Invoke((StixImportWriter)writer);
            }

            return total;
        }, Analyst, Ct);

    /// <summary>What the normal path (nothing set aside) leaves of <see cref="BundleWithRepeats"/> in a fresh store of the same provider.</summary>
    private async Task<(StixWriteCounts Counts, StoreContent Content)> NormalPathAsync()
    {
        await using var target = new TTarget();
        await using var store = new TestStore(await target.CreateAsync(Ct));
        await store.Migrator.MigrateAsync(Ct);
        var counts = await WriteChunksAsync(BulkStore(store, int.MaxValue), BundleWithRepeats());
        return (counts, await ContentAsync(store));
    }

    private async Task<StoreContent> ContentAsync(TestStore store)
    {
        await using var connection = await store.OpenAsync();
        var objects = (await connection.QueryAsync<(string, string, string, string, bool, string?)>(
            "SELECT id, modified, type, json, revoked, tlp FROM stix_objects ORDER BY id, modified")).ToList();
        var indicators = (await connection.QueryAsync<(string, string, string, string, bool, string?, string?)>(
            "SELECT type, value, normalized_value, source, revoked, tlp, stix_ref FROM indicators ORDER BY type, normalized_value")).ToList();
        var indexes = (await connection.QueryAsync<string>(Target.Provider == StoreProvider.Sqlite
            ? "SELECT sql FROM sqlite_master WHERE tbl_name IN ('indicators', 'stix_objects') AND sql IS NOT NULL ORDER BY name"
            : "SELECT indexdef FROM pg_indexes WHERE tablename IN ('indicators', 'stix_objects') ORDER BY indexname")).ToList();
        return new StoreContent(objects, indicators, indexes);
    }

    /// <summary>The rows of both tables that an import writes (its own ids and times left out) and the schema on them.</summary>
    private sealed record StoreContent(List<(string, string, string, string, bool, string?)> Objects, List<(string, string, string, string, bool, string?, string?)> Indicators, List<string> Indexes)
    {
        public void AssertSameAs(StoreContent expected)
        {
            Assert.Equal(expected.Objects, Objects);
            Assert.Equal(expected.Indicators, Indicators);
            Assert.Equal(expected.Indexes, Indexes);
        }
    }

    /// <summary>
    /// A bulk import sets the stix_ref index aside and builds it again at its end: the rows it leaves, the
    /// counts it reports and the schema are what the normal path gives for the same chunks.
    /// </summary>
    [Fact]
    public async Task A_bulk_import_that_sets_the_stix_ref_index_aside_stores_what_the_normal_path_stores()
    {
        var bulk = await OpenAsync();
        var setAside = new List<(bool, bool)>();

        var bulkCounts = await WriteChunksAsync(BulkStore(bulk, 100), BundleWithRepeats(), w => setAside.Add((w.StixRefIndexSetAside, w.VersionIndexSetAside)));

        var sqlite = Target.Provider == StoreProvider.Sqlite;
        Assert.Equal([(false, false), (sqlite, false), (sqlite, sqlite), (sqlite, sqlite), (sqlite, sqlite)], setAside);
        var normal = await NormalPathAsync();
        Assert.Equal(normal.Counts, bulkCounts);
        Assert.Equal((363, 1), (bulkCounts.Added, bulkCounts.Unchanged));
        var bulkContent = await ContentAsync(bulk);
        bulkContent.AssertSameAs(normal.Content);
        Assert.Contains(bulkContent.Indexes, sql => sql.Contains("indicators_stix_ref", StringComparison.Ordinal));
        Assert.Contains(bulkContent.Indexes, sql => sql.Contains(sqlite ? "stix_objects_version" : "stix_objects_pkey", StringComparison.Ordinal));
        Assert.Equal("indicator--a1", bulkContent.Indicators.Single(i => i.Item3 == "d5.example").Item7);
    }

    [Fact]
    public async Task A_revocation_during_a_bulk_import_builds_the_index_first_and_revokes_what_the_object_derived()
    {
        var store = await OpenAsync();
        var setAside = new List<bool>();
        var first = Enumerable.Range(0, 60).Reverse().Select(i => Indicator($"indicator--{i:D3}", January, $"d{i}.example")).ToArray();

        await WriteChunksAsync(BulkStore(store, 50), [first, [Indicator("indicator--007", January.AddDays(1), "d7.example", revoked: true)], [Indicator("indicator--100", January, "d100.example")]],
            w => setAside.Add(w.StixRefIndexSetAside));

        Assert.Equal(Target.Provider == StoreProvider.Sqlite ? new[] { true, false, false } : new[] { false, false, false }, setAside);
        var all = (await store.Indicators.ListAsync(new IndicatorQuery(IncludeRevoked: true, Limit: 100), Ct)).Items;
        Assert.Equal(61, all.Count);
        Assert.Equal(["indicator--007"], all.Where(i => i.Revoked).Select(i => i.StixRef));
    }

    /// <summary>An import about to pass what <see cref="ImportedIdTable"/> may hold builds the (id, modified) index and looks every id up by it from then on.</summary>
    [Fact]
    public async Task A_bulk_import_that_fills_its_id_table_builds_the_version_index_and_still_finds_what_it_wrote()
    {
        var bulk = await OpenAsync();
        var setAside = new List<bool>();

        var bulkCounts = await WriteChunksAsync(new StixStore(bulk.Get<StoreChanges>(), bulk.Get<IStixVersionLog>()) { SetAsideAfter = 100, MaxImportedIds = 200 }, BundleWithRepeats(), w => setAside.Add(w.VersionIndexSetAside));

        Assert.Equal([false, false, Target.Provider == StoreProvider.Sqlite, false, false], setAside);
        var normal = await NormalPathAsync();
        Assert.Equal(normal.Counts, bulkCounts);
        (await ContentAsync(bulk)).AssertSameAs(normal.Content);
    }

    [Fact]
    public async Task A_bulk_import_whose_ids_count_up_keeps_both_indexes()
    {
        var store = await OpenAsync();
        var setAside = new List<(bool, bool)>();

        await WriteChunksAsync(BulkStore(store, 10), Enumerable.Range(0, 3).Select(c => Enumerable.Range(c * 40, 40).Select(i => Indicator($"indicator--{i:D3}", January, $"d{i}.example")).ToArray()),
            w => setAside.Add((w.StixRefIndexSetAside, w.VersionIndexSetAside)));

        Assert.Equal([(false, false), (false, false), (false, false)], setAside);
        Assert.Equal(120, (await store.Indicators.ListAsync(new IndicatorQuery(Limit: 500), Ct)).Items.Count);
    }

    [Fact]
    public async Task An_import_smaller_than_the_indicators_already_stored_keeps_the_stix_ref_index()
    {
        var store = await OpenAsync();
        await store.Indicators.ImportAsync(Enumerable.Range(0, 80).Select(i => new NewIndicator(new IndicatorValue(IndicatorType.Domain, $"list{i}.example", $"list{i}.example"), "list")).ToList(), Analyst, Ct);
        var setAside = new List<bool>();

        await WriteChunksAsync(BulkStore(store, 10), [Enumerable.Range(0, 60).Select(i => Indicator($"indicator--{i:D3}", January, $"d{i}.example")).ToArray()], w => setAside.Add(w.StixRefIndexSetAside));

        Assert.Equal([false], setAside);
        Assert.Equal(140, (await store.Indicators.ListAsync(new IndicatorQuery(Limit: 500), Ct)).Items.Count);
    }

    [Fact]
    public async Task A_bulk_import_that_fails_leaves_neither_rows_nor_a_missing_index()
    {
        var store = await OpenAsync();
        var before = await ContentAsync(store);
        var setAside = (false, false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkStore(store, 10).ImportAsync<int>("test", async writer =>
        {
            await writer.WriteAsync(Enumerable.Range(0, 60).Reverse().Select(i => Indicator($"indicator--{i:D3}", January, $"d{i}.example")).ToArray(), Ct);
            await writer.WriteAsync([Indicator("indicator--100", January, "d100.example")], Ct);
            var bulk = (StixImportWriter)writer;
            setAside = (bulk.StixRefIndexSetAside, bulk.VersionIndexSetAside);
            throw new InvalidOperationException("the bundle broke off");
        }, Analyst, Ct));

        Assert.Equal((Target.Provider == StoreProvider.Sqlite, Target.Provider == StoreProvider.Sqlite), setAside);
        var after = await ContentAsync(store);
        Assert.Empty(after.Objects);
        Assert.Empty(after.Indicators);
        Assert.Equal(before.Indexes, after.Indexes);
    }
}

public sealed class SqliteStixStoreTests : StixStoreTests<SqliteTarget>
{
    /// <summary>A look-up by name or ATT&amp;CK id reads two indexes, never all of stix_objects (1M indicators: 8 s a look-up when it did).</summary>
    [Theory]
    [InlineData("intrusion-set")]
    [InlineData("threat-actor")]
    public async Task A_look_up_by_name_searches_the_indexes_and_scans_no_table(string type)
    {
        var store = await OpenAsync();
        await using var connection = await store.OpenAsync();

        var plan = (await connection.QueryAsync<(int Id, int Parent, int NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + ((StixStore)store.Get<IStixStore>()).FindSql(type))).Select(r => r.Detail).ToList();

        Assert.Contains(plan, d => d.StartsWith("SEARCH o USING INDEX stix_objects_name", StringComparison.Ordinal));
        Assert.Contains(plan, d => d.StartsWith("SEARCH o USING INDEX stix_objects_external_id", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => d.StartsWith("SCAN", StringComparison.Ordinal));
    }
}

public sealed class PostgresStixStoreTests : StixStoreTests<PostgresTarget>;
