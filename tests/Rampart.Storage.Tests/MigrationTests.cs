using Dapper;
using Rampart.Core.Indicators;
using Rampart.Core.Stix;
using Rampart.Storage.Tests.Infrastructure;
using Rampart.Testing;

namespace Rampart.Storage.Tests;

public abstract class MigrationTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly string[] Tables =
    [
        "schema_migrations", "store_revision", "audit_log", "users", "api_keys", "data_protection_keys",
        "indicators", "actors", "actor_aliases", "knowledge_base", "relationships", "sightings", "stix_objects",
        "log_scans", "rule_matches",
        "cases", "case_domains", "case_evidence", "case_status_changes", "pivot_facts", "rpz_zones",
        "sinkhole_hits", "victim_networks", "sinkhole_rollups",
        "taxii_collections", "taxii_grants", "taxii_log", "taxii_cursors", "taxii_statuses", "taxii_pulls",
    ];

    [Fact]
    public async Task Migrating_a_new_store_creates_every_table_and_records_each_module_version()
    {
        var store = await OpenAsync(migrate: false);

        var applied = await store.Migrator.MigrateAsync(Ct);

        var shipped = Shipped(store, Target.Provider);
        Assert.Equal(shipped.Count, applied);
        await using var connection = await store.OpenAsync();
        foreach (var table in Tables)
        {
            // Throws if the table is missing.
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
        }

        var history = (await connection.QueryAsync<(string Module, int Version, string Name)>(
            "SELECT module, version, name FROM schema_migrations ORDER BY module, version")).ToList();
        Assert.Equal(shipped, history);
        Assert.Equal(0, await store.Revision.CurrentAsync(Ct));
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        var store = await OpenAsync();
        await store.Indicators.ImportAsync([Domain("kept.example")], Analyst, Ct);

        var again = await store.Migrator.MigrateAsync(Ct);
        var fromAnotherProcess = await (await OpenAsync(migrate: false)).Migrator.MigrateAsync(Ct);

        Assert.Equal(0, again);
        Assert.Equal(0, fromAnotherProcess);
        Assert.Equal(1, await store.Indicators.CountAsync(liveOnly: false, Ct));
        await using var connection = await store.OpenAsync();
        Assert.Equal(Shipped(store, Target.Provider).Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Every_module_ships_the_same_migrations_for_SQLite_and_PostgreSQL()
    {
        var store = await OpenAsync(migrate: false);

        var sqlite = Shipped(store, StoreProvider.Sqlite);

        Assert.Equal(sqlite, Shipped(store, StoreProvider.Postgres));
        Assert.Contains(("platform", 1, "initial"), sqlite);
        Assert.Equal(["accounts", "cases", "intel", "platform", "sinkhole", "taxii", "victims"], sqlite.Select(m => m.Module).Distinct());
    }

    [Fact]
    public async Task URL_indicators_stored_in_the_old_form_are_rewritten_once_in_the_canonical_form()
    {
        var store = await OpenAsync();
        // As the System.Uri normalizer stored them: user-info kept, so two spellings of one URL were two rows.
        NewIndicator Url(string value, string normalized) => new(new IndicatorValue(IndicatorType.Url, value, normalized), "feed-a");
        await store.Indicators.ImportAsync(
        [
            Url("https://alice@evil.example/a/./b", "https://alice@evil.example/a/b"),
            Url("https://bob@evil.example/a/b", "https://bob@evil.example/a/b"),
            Url("http://kept.example/x", "http://kept.example/x"),
            Url("http://localhost/", "http://localhost/"),
        ], Analyst, Ct);
        var before = await store.Revision.CurrentAsync(Ct);
        await using (var connection = await store.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE module = 'intel' AND version = 3");
        }

        Assert.Equal(1, await store.Migrator.MigrateAsync(Ct));
        Assert.Equal(0, await store.Migrator.MigrateAsync(Ct));

        var all = await AllUrlsAsync(store);
        var evil = all.Where(i => i.Value.Contains("evil", StringComparison.Ordinal)).ToList();
        var live = Assert.Single(evil, i => !i.Revoked);
        Assert.Equal("https://evil.example/a/b", live.NormalizedValue);
        Assert.Equal(before + 1, live.Revision);
        var duplicate = Assert.Single(evil, i => i.Revoked);
        Assert.Equal(before + 1, duplicate.Revision);
        Assert.False(all.Single(i => i.Value == "http://kept.example/x").Revoked);
        Assert.Equal(before, all.Single(i => i.Value == "http://kept.example/x").Revision);
        Assert.True(all.Single(i => i.Value == "http://localhost/").Revoked);
        Assert.Equal(before + 1, await store.Revision.CurrentAsync(Ct));
        var audit = await store.Audit.ListAsync(10, null, Ct);
        Assert.Contains(audit, e => e.Action == "indicator.revoke" && e.Target == duplicate.Id && e.Detail!.Contains(live.Id, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "indicator.revoke" && e.Detail!.Contains("two labels", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "indicator.renormalize" && e.Detail!.StartsWith("1 of 3", StringComparison.Ordinal));
    }

    private static async Task<List<Core.Indicators.Indicator>> AllUrlsAsync(TestStore store) =>
        [.. (await store.Indicators.ListAsync(new IndicatorQuery(Type: IndicatorType.Url, IncludeRevoked: true), Ct)).Items];

    [Fact]
    public async Task Two_processes_starting_together_both_migrate_and_only_one_creates_the_first_admin()
    {
        var stores = new List<TestStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await OpenAsync(migrate: false));
        }

        using var start = new Barrier(stores.Count);
        var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            start.SignalAndWait(Ct);
            var applied = await store.Migrator.MigrateAsync(Ct);
            var created = await store.Users.TryCreateFirstAdminAsync($"admin{i}", $"hash{i}", Ct);
            return (applied, created);
        }, Ct)));

        var shipped = Shipped(stores[0], Target.Provider).Count;
        Assert.Equal(shipped, results.Sum(r => r.applied));
        Assert.Single(results, r => r.created);
        var users = await stores[0].Users.ListAsync(Ct);
        Assert.Equal(Core.Identity.Role.Admin, Assert.Single(users).Role);
        await using var connection = await stores[0].OpenAsync();
        Assert.Equal(shipped, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    /// <summary>The migrations the composed modules embed for the provider, in the order the history table sorts them.</summary>
    private protected static List<(string Module, int Version, string Name)> Shipped(TestStore store, StoreProvider provider) =>
        [.. store.Get<IEnumerable<StorageModule>>()
            .DistinctBy(m => m.Name, StringComparer.Ordinal)
            .SelectMany(m => Migration.Load(m, provider))
            .Select(m => (m.Module, m.Version, m.Name))
            .OrderBy(m => m.Module, StringComparer.Ordinal).ThenBy(m => m.Version)];
}

public sealed class SqliteMigrationTests : MigrationTests<SqliteTarget>
{
    [Fact]
    public async Task The_SQLite_store_runs_in_WAL_mode_with_foreign_keys_on()
    {
        var store = await OpenAsync();
        await using var connection = await store.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(5000, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
        Assert.True(File.Exists(Path.Combine(Target.Folder, StoreLocation.SqliteFileName)));
    }

    /// <summary>
    /// A store from before intel 0005 and taxii 0004: at taxii 2 the per-row log trigger is still on
    /// stix_objects (the rebuild must keep it for taxii 3 to drop), at taxii 3 the import wrote the log.
    /// Each stored version keeps the date_added its log row gave it, inbox entries stay in the log, and
    /// the next import continues after both.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Stored_versions_keep_their_date_added_when_the_log_moves_into_stix_objects(int taxiiVersion)
    {
        var store = await OpenAsync(migrate: false);
        List<(string Id, string Modified, long DateAdded)> served;
        await using (var connection = await store.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at INTEGER NOT NULL, PRIMARY KEY (module, version))");
            var modules = store.Get<IEnumerable<StorageModule>>().ToList();
            foreach (var (module, upTo) in new[] { ("intel", 4), ("taxii", taxiiVersion) })
            {
                foreach (var migration in Migration.Load(modules.First(m => m.Name == module), StoreProvider.Sqlite).Where(m => m.Version <= upTo))
                {
                    await connection.ExecuteAsync(migration.Sql);
                    await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@Module, @Version, @Name, 0)", new { migration.Module, migration.Version, migration.Name });
                }
            }

            // Three versions imported in two imports; without the trigger, log rows as the import wrote them,
            // in an order the rebuild's (revision, id, modified) rank would not give.
            foreach (var (id, modified, revision, added) in new[] { ("indicator--b", "2024-01-01T00:00:00.0000000Z", 1, 7_000_003L), ("indicator--a", "2024-01-02T00:00:00.0000000Z", 1, 7_000_001L), ("indicator--a", "2024-01-01T00:00:00.0000000Z", 2, 7_000_009L) })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO stix_objects (id, modified, type, revoked, source, json, imported_at, revision) VALUES (@Id, @Modified, 'indicator', 0, 'feed', '{}', 7000, @Revision)",
                    new { Id = id, Modified = modified, Revision = revision });
                if (taxiiVersion >= 3)
                {
                    await connection.ExecuteAsync("INSERT INTO taxii_log (date_added, collection_id, id, modified) VALUES (@Added, NULL, @Id, @Modified)", new { Added = added, Id = id, Modified = modified });
                }
            }

            await connection.ExecuteAsync("INSERT INTO taxii_log (date_added, collection_id, id, modified) VALUES (9000000, 'inbox-1', 'indicator--a', '2024-01-02T00:00:00.0000000Z')");
            served = (await connection.QueryAsync<(string, string, long)>("SELECT id, modified, date_added FROM taxii_log WHERE collection_id IS NULL ORDER BY id, modified")).ToList();
        }

        await store.Migrator.MigrateAsync(Ct);

        await using (var connection = await store.OpenAsync())
        {
            Assert.Equal(3, served.Count);
            Assert.Equal(served, await connection.QueryAsync<(string, string, long)>("SELECT id, modified, date_added FROM stix_objects ORDER BY id, modified"));
            Assert.Equal(
                [("inbox-1", 9_000_000L)],
                await connection.QueryAsync<(string, long)>("SELECT collection_id, date_added FROM taxii_log"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'stix_objects'"));
            Assert.Equal(
                ["stix_objects_external_id", "stix_objects_name", "stix_objects_source_ref", "stix_objects_target_ref", "stix_objects_version"],
                await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'stix_objects' AND sql IS NOT NULL ORDER BY name"));

            // Intel 0008: one version per (id, modified) is kept by stix_objects_version, not by the table's definition.
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'stix_objects' AND type = 'index' AND sql IS NULL"));
            Assert.DoesNotContain("UNIQUE", await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'stix_objects'"), StringComparison.Ordinal);
            var duplicate = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => connection.ExecuteAsync(
                "INSERT INTO stix_objects (id, modified, type, revoked, source, json, imported_at, revision) VALUES ('indicator--a', '2024-01-02T00:00:00.0000000Z', 'indicator', 0, 'feed', '{}', 7000, 3)"));
            Assert.Contains("stix_objects.id, stix_objects.modified", duplicate.Message, StringComparison.Ordinal);
        }

        var version = new StixObjectVersion("indicator--c", "indicator", null, false, null, "{}"u8.ToArray());
        await store.Get<IStixStore>().ImportAsync("feed", writer => writer.WriteAsync([version], Ct), Analyst, Ct);
        await using (var connection = await store.OpenAsync())
        {
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT date_added FROM stix_objects WHERE id = 'indicator--c'") > 9_000_000);
        }
    }
}

public sealed class PostgresMigrationTests : MigrationTests<PostgresTarget>
{
    [Fact]
    public async Task The_first_run_creates_the_PostgreSQL_database_when_it_is_missing()
    {
        var admin = PostgresTarget.AdminConnectionString();
        await using var scratch = new ScratchPostgresDatabase(admin, "rampart_test_created");
        await using (var store = new TestStore(scratch.Location))
        {
            Assert.Equal(Shipped(store, StoreProvider.Postgres).Count, await store.Migrator.MigrateAsync(Ct));
            Assert.Equal(0, await store.Revision.CurrentAsync(Ct));
        }
    }
}
