using Dapper;
using Rampart.Core.Indicators;
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

        Assert.Equal(16, applied);
        await using var connection = await store.OpenAsync();
        foreach (var table in Tables)
        {
            // Throws if the table is missing.
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
        }

        var history = (await connection.QueryAsync<(string Module, int Version, string Name)>(
            "SELECT module, version, name FROM schema_migrations ORDER BY module, version")).ToList();
        Assert.Equal([("accounts", 1, "initial"), ("cases", 1, "initial"), ("intel", 1, "initial"), ("intel", 2, "stix"), ("intel", 3, "url_canonical_form"), ("intel", 4, "lifecycle"), ("platform", 1, "initial"), ("platform", 2, "tlp_ceilings"), ("sinkhole", 1, "initial"), ("sinkhole", 2, "http_hits"), ("sinkhole", 3, "tls_sni"), ("taxii", 1, "initial"), ("taxii", 2, "log_per_statement"), ("taxii", 3, "log_written_by_import"), ("victims", 1, "networks"), ("victims", 2, "rollups")], history);
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
        Assert.Equal(16, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
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

        Assert.Equal(16, results.Sum(r => r.applied));
        Assert.Single(results, r => r.created);
        var users = await stores[0].Users.ListAsync(Ct);
        Assert.Equal(Core.Identity.Role.Admin, Assert.Single(users).Role);
        await using var connection = await stores[0].OpenAsync();
        Assert.Equal(16, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }
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
            Assert.Equal(16, await store.Migrator.MigrateAsync(Ct));
            Assert.Equal(0, await store.Revision.CurrentAsync(Ct));
        }
    }
}
