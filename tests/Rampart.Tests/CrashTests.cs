using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace Rampart.Tests;

/// <summary>kill -9 in the middle of an import: afterwards the store opens and holds all of the file or none of it.</summary>
public sealed class CrashTests
{
    private const int Lines = 40_000;

    [Fact]
    public async Task A_cli_import_killed_mid_file_leaves_all_or_none_of_it()
    {
        var list = BigList();
        var (fullRun, _) = await FullRunAsync("big.txt", list);

        foreach (var fraction in new[] { 0.35, 0.6, 0.8, 0.95 })
        {
            var data = RampartCli.NewDataFolder();
            var path = RampartCli.WriteFile(data, "big.txt", list);
            await KillImportAfterAsync(data, path, fullRun * fraction);

            var count = await CountAsync(data);
            Assert.True(count is 0 or Lines, $"killed at {fraction:P0} of a full run: {count} of {Lines} indicators in the store");

            // The store opens cleanly and the same file then imports whole.
            Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", path)).ExitCode);
            Assert.Equal(Lines, await CountAsync(data));
        }
    }

    /// <summary>
    /// The CLI's STIX import holds the store in a rollback journal while it runs (StoreAccess.Exclusive): a kill
    /// leaves a hot journal, which the next command rolls back, and that command sets WAL again.
    /// </summary>
    [Fact]
    public async Task A_cli_stix_import_killed_mid_bundle_leaves_all_or_none_of_it_and_the_store_back_in_WAL()
    {
        var bundle = BigBundle();
        var (fullRun, reference) = await FullRunAsync("big.json", bundle);
        Assert.Equal(Lines, await CountAsync(reference));

        foreach (var fraction in new[] { 0.4, 0.7, 0.9 })
        {
            var data = RampartCli.NewDataFolder();
            Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", RampartCli.WriteFile(data, "before.txt", "kept-before.example\n"))).ExitCode);
            var path = RampartCli.WriteFile(data, "big.json", bundle);
            await KillImportAfterAsync(data, path, fullRun * fraction);

            var count = await CountAsync(data);
            Assert.True(count is 1 or Lines + 1, $"killed at {fraction:P0} of a full run: {count} of 1 + {Lines} indicators in the store");
            Assert.False(File.Exists(Path.Combine(data, "rampart.db-journal")), "the hot journal is rolled back and gone");
            Assert.Equal(2, FileFormatWriteVersion(data));

            Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", path)).ExitCode);
            Assert.Equal(Lines + 1, await CountAsync(data));
            Assert.Equal(2, FileFormatWriteVersion(data));
        }
    }

    /// <summary>An uninterrupted import of the file into a fresh store: how long it takes, and the store's folder.</summary>
    private static async Task<(TimeSpan Elapsed, string Data)> FullRunAsync(string name, string content)
    {
        var data = RampartCli.NewDataFolder();
        var file = RampartCli.WriteFile(data, name, content);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", file)).ExitCode);
        return (clock.Elapsed, data);
    }

    /// <summary>Starts `intel import` of <paramref name="path"/> and kills it with SIGKILL (no cleanup runs) after <paramref name="after"/>.</summary>
    private static async Task KillImportAfterAsync(string data, string path, TimeSpan after)
    {
        using var process = Process.Start(RampartCli.StartInfo(data, "intel", "import", path))!;
        await Task.Delay(after, TestContext.Current.CancellationToken);
        process.Kill();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Byte 18 of a SQLite file's header: 1 for a rollback journal, 2 for WAL.</summary>
    private static int FileFormatWriteVersion(string data)
    {
        var header = new byte[100];
        using var file = File.OpenRead(Path.Combine(data, "rampart.db"));
        file.ReadExactly(header);
        return header[18];
    }

    private static string BigBundle()
    {
        // Valid from now: an indicator of 2024 would have decayed out of the export that counts them.
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var builder = new StringBuilder("""{"type":"bundle","id":"bundle--5d0c6a2e-9a51-4c1f-8d7e-1b2c3d4e5f60","objects":[""");
        for (var i = 0; i < Lines; i++)
        {
            builder.Append(i == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{i:D8}}-0000-4000-8000-000000000000","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","pattern":"[domain-name:value = 'lure-{{i}}.crash-test.example']","pattern_type":"stix","valid_from":"{{now}}"}""");
        }

        return builder.Append("]}").ToString();
    }

    [Fact]
    public async Task A_server_killed_during_a_batch_import_leaves_all_or_none_of_it()
    {
        var data = RampartCli.NewDataFolder();
        var items = BigList().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(v => new { value = v }).ToArray();
        var serve = await ServeProcess.StartAsync(data, "crash admin password");
        var key = (await RampartCli.RunAsync(data, "apikeys", "create", "--user", "admin")).Stdout.Trim();
        using (var client = serve.Client(key))
        {
            var upload = client.PostAsJsonAsync("/api/v1/indicators/batch", new { items, name = "big" }, TestContext.Current.CancellationToken);
            await Task.Delay(Random.Shared.Next(200, 1500), TestContext.Current.CancellationToken);
            await serve.DisposeAsync(); // kills the process with SIGKILL
            try
            {
                await upload;
            }
            catch (HttpRequestException)
            {
                // The connection died with the server: expected.
            }
        }

        var count = await CountAsync(data);
        Assert.True(count is 0 or Lines, $"{count} of {Lines} indicators in the store after the kill");
    }

    private static async Task<int> CountAsync(string data)
    {
        var export = await RampartCli.RunAsync(data, "intel", "export", "--format", "txt");
        Assert.Equal(0, export.ExitCode);
        return export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static string BigList()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Lines; i++)
        {
            builder.Append("lure-").Append(i).Append(".crash-test[.]example\n");
        }

        return builder.ToString();
    }
}
