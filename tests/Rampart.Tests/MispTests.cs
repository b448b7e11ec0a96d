namespace Rampart.Tests;

public sealed class MispTests
{
    [Fact]
    public async Task A_feed_exported_by_one_store_imports_into_another_without_red_or_warninglisted_values()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "lures.txt", "misp-e2e-lure.example\nhxxp://misp-e2e-lure[.]example/login\n");
        var secret = RampartCli.WriteFile(data, "secret.txt", "misp-e2e-secret.example\n");
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", list, "--actor", "THALLIUM", "--tlp", "green")).ExitCode);
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", secret, "--tlp", "red")).ExitCode);

        var feed = Path.Combine(data, "feed");
        var export = await RampartCli.RunAsync(data, "intel", "misp", "export", feed, "--tlp-max", "amber+strict");
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("2 indicators exported", export.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(feed, "manifest.json")));
        Assert.True(File.Exists(Path.Combine(feed, "hashes.csv")));
        Assert.DoesNotContain(Directory.GetFiles(feed), f => File.ReadAllText(f).Contains("misp-e2e-secret", StringComparison.Ordinal));

        var other = RampartCli.NewDataFolder();
        var import = await RampartCli.RunAsync(other, "intel", "misp", "import", Path.Combine(feed, "manifest.json"));
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("2 indicators (2 added", import.Stdout, StringComparison.Ordinal);
        var again = await RampartCli.RunAsync(other, "intel", "misp", "import", feed);
        Assert.Contains("(0 added, 0 updated, 2 unchanged)", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_event_file_is_reported_with_its_file_line_and_field()
    {
        var data = RampartCli.NewDataFolder();
        var feed = Path.Combine(data, "feed");
        Directory.CreateDirectory(feed);
        const string Uuid = "0b8c7f7e-1111-4222-8333-944455556666";
        File.WriteAllText(Path.Combine(feed, "manifest.json"), $$$"""{"{{{Uuid}}}": {"info": "x"}}""");
        File.WriteAllText(Path.Combine(feed, Uuid + ".json"), $$$"""
            {"Event": {"uuid": "{{{Uuid}}}", "info": "x", "Attribute": [
              {"type": "domain", "to_ids": true, "value": "misp-e2e-good.example"},
              {"type": "domain", "to_ids": true},
              {"type": "domain", "to_ids": true, "value": "login.microsoftonline.com"}
            ]}}
            """);

        var import = await RampartCli.RunAsync(data, "intel", "misp", "import", feed);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains($"{Uuid}.json:3: field 'Attribute[1].value': is missing", import.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{Uuid}.json:4: field 'Attribute[2].value'", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 on a warninglist", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 indicators (1 added", import.Stdout, StringComparison.Ordinal);
    }
}
