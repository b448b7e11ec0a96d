using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Rampart.Core.Indicators;
using Rampart.Core.Stix;
using Rampart.Core.Storage;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

/// <summary>
/// <see cref="StoreAccess.Exclusive"/> on SQLite: a rollback journal while the change lasts when nothing else
/// has the store open, WAL again afterwards; WAL throughout when another connection has it open.
/// </summary>
public sealed class ExclusiveAccessTests : StorageTest<SqliteTarget>
{
    private static StixObjectVersion Indicator(int i) =>
        new($"indicator--{i:D8}", "indicator", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), false, null,
            Encoding.UTF8.GetBytes($$"""{"id":"indicator--{{i:D8}}"}"""),
            Indicators: [new NewIndicator(new IndicatorValue(IndicatorType.Domain, $"d{i}.example", $"d{i}.example"), "stix", StixRef: $"indicator--{i:D8}")]);

    private string DatabaseFile => Path.Combine(Target.Folder, StoreLocation.SqliteFileName);

    /// <summary>A connection outside every pool, as another process would have.</summary>
    private SqliteConnection Outside() => new($"Data Source={DatabaseFile};Pooling=False");

    private static async Task<string> JournalModeAsync(SqliteConnection connection) =>
        (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"))!;

    [Fact]
    public async Task An_exclusive_import_runs_in_a_rollback_journal_and_leaves_the_store_in_WAL()
    {
        var store = await OpenAsync();
        string? during = null;
        var walDuring = true;

        var counts = await store.Get<IStixStore>().ImportAsync("test", async writer =>
        {
            var written = await writer.WriteAsync([Indicator(1), Indicator(2)], Ct);
            await using var outside = Outside();
            await outside.OpenAsync(Ct);
            during = await JournalModeAsync(outside);
            walDuring = File.Exists(DatabaseFile + "-wal");
            return written;
        }, Analyst, StoreAccess.Exclusive, Ct);

        Assert.Equal(("delete", false), (during, walDuring));
        Assert.Equal(2, counts.IndicatorsAdded);
        await using var after = Outside();
        await after.OpenAsync(Ct);
        Assert.Equal("wal", await JournalModeAsync(after));
        Assert.Equal(2, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM indicators"));
    }

    [Fact]
    public async Task An_exclusive_import_stays_in_WAL_while_another_connection_has_the_store_open()
    {
        var store = await OpenAsync();
        await using var reader = Outside();
        await reader.OpenAsync(Ct);
        Assert.Equal("wal", await JournalModeAsync(reader));
        string? during = null;

        var counts = await store.Get<IStixStore>().ImportAsync("test", async writer =>
        {
            var written = await writer.WriteAsync([Indicator(1)], Ct);
            during = await JournalModeAsync(reader);

            // WAL: the other connection still reads the store as it was before the import.
            Assert.Equal(0, await reader.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM indicators"));
            return written;
        }, Analyst, StoreAccess.Exclusive, Ct);

        Assert.Equal("wal", during);
        Assert.Equal(1, counts.IndicatorsAdded);
        Assert.Equal(1, await reader.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM indicators"));
    }

    [Fact]
    public async Task An_exclusive_import_that_fails_rolls_back_whole_and_leaves_the_store_in_WAL()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Get<IStixStore>().ImportAsync<StixWriteCounts>("test", async writer =>
        {
            await writer.WriteAsync(Enumerable.Range(0, 500).Select(Indicator).ToArray(), Ct);
            throw new InvalidOperationException("the file broke off");
        }, Analyst, StoreAccess.Exclusive, Ct));

        await using var after = Outside();
        await after.OpenAsync(Ct);
        Assert.Equal("wal", await JournalModeAsync(after));
        Assert.Equal(0, await after.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM stix_objects"));
        Assert.False(File.Exists(DatabaseFile + "-journal"));
    }

    /// <summary>Write-behind finds SQLite's own descriptor of the file; without it the commit would write everything, silently.</summary>
    [Fact]
    public async Task Write_behind_finds_the_descriptor_of_the_store_file_on_Linux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "sync_file_range is Linux's");
        await OpenAsync();
        await using var connection = Outside();
        await connection.OpenAsync(Ct);
        await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM indicators");

        using var writeBehind = SqliteWriteBehind.Start(connection);
        await using var memory = new SqliteConnection("Data Source=:memory:");
        await memory.OpenAsync(Ct);

        Assert.NotNull(writeBehind);
        Assert.Null(SqliteWriteBehind.Start(memory));
    }
}
