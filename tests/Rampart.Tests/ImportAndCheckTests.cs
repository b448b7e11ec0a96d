using System.Text.Json;

namespace Rampart.Tests;

public sealed class ImportAndCheckTests
{
    [Fact]
    public async Task A_defanged_list_makes_a_url_under_its_domain_malicious_with_the_actor()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "thallium.txt", "# THALLIUM lures\nevil[.]com\nhxxp://hotrnall[.]com/login\n1.2.3[.]4\nuser[@]hanrnaii.net\n");

        var import = await RampartCli.RunAsync(data, "intel", "import", list, "--actor", "THALLIUM", "--source", "dcu");
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("4 added", import.Stdout, StringComparison.Ordinal);

        var check = await RampartCli.RunAsync(data, "check", "hxxps://login.evil[.]com/x", "--format", "json");
        Assert.Equal(3, check.ExitCode);
        var verdict = JsonDocument.Parse(check.Stdout).RootElement[0];
        Assert.Equal("malicious", verdict.GetProperty("disposition").GetString());
        var actor = verdict.GetProperty("matches")[0].GetProperty("actor_name").GetString();
        Assert.NotNull(actor);
        var names = await RampartCli.RunAsync(data, "actors", "show", actor, "--format", "json");
        Assert.Contains("THALLIUM", names.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("nothing-known.example", 0, "clean")]
    [InlineData("http://192.0.2.1/login", 2, "suspicious")]
    [InlineData("mail.lure.example", 3, "malicious")]
    [InlineData("not a value", 4, "invalid")]
    public async Task Check_exits_with_the_worst_verdict(string value, int exitCode, string disposition)
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "one.txt", "lure.example\n");
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", list)).ExitCode);

        var check = await RampartCli.RunAsync(data, "check", value, "--format", "json");

        Assert.Equal(exitCode, check.ExitCode);
        Assert.Equal(disposition, JsonDocument.Parse(check.Stdout).RootElement[0].GetProperty("disposition").GetString());
    }

    [Fact]
    public async Task Check_text_output_gives_the_reason_a_person_can_act_on()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "one.txt", "lure.example\n");
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", list, "--actor", "THALLIUM", "--source", "dcu")).ExitCode);

        var check = await RampartCli.RunAsync(data, "check", "hxxps://login.lure[.]example/x", "clean.example");

        Assert.Equal(3, check.ExitCode);
        Assert.Contains("lure.example", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("source dcu", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("malicious", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("clean", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_text_output_shows_control_characters_of_a_value_escaped_so_it_cannot_drive_the_terminal()
    {
        var data = RampartCli.NewDataFolder();

        var check = await RampartCli.RunAsync(data, "check", "ev\u001b[2Jil.com");

        Assert.DoesNotContain('\u001b', check.Stdout);
        Assert.Contains("\\x1b[2Jil.com", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("invalid", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_with_one_bad_line_fails_with_its_line_number_and_imports_nothing()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "bad.txt", "good-one.example\nalso-good.example\nnot a domain!\nthird-good.example\n");

        var import = await RampartCli.RunAsync(data, "intel", "import", list);

        Assert.NotEqual(0, import.ExitCode);
        Assert.Contains($"{list}:3:", import.Stderr, StringComparison.Ordinal);
        var export = await RampartCli.RunAsync(data, "intel", "export", "--format", "txt");
        Assert.Equal(0, export.ExitCode);
        Assert.Equal("", export.Stdout.Trim());
        var check = await RampartCli.RunAsync(data, "check", "good-one.example", "--format", "json");
        Assert.Equal("clean", JsonDocument.Parse(check.Stdout).RootElement[0].GetProperty("disposition").GetString());
    }

    [Fact]
    public async Task Skip_invalid_imports_the_rest_and_reports_each_skipped_line()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "mixed.txt", "good-one.example\nnot a domain!\nthird-good.example\n");

        var import = await RampartCli.RunAsync(data, "intel", "import", list, "--skip-invalid");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains($"{list}:2:", import.Stderr, StringComparison.Ordinal);
        var export = await RampartCli.RunAsync(data, "intel", "export", "--format", "txt");
        Assert.Equal(["good-one.example", "third-good.example"], export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "same.txt", "one.example\ntwo.example\n");
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", list)).ExitCode);

        var again = await RampartCli.RunAsync(data, "intel", "import", list, "--format", "json");

        var result = JsonDocument.Parse(again.Stdout).RootElement.GetProperty("result");
        Assert.Equal(0, result.GetProperty("added").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        Assert.Equal(2, result.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task A_csv_list_with_a_header_is_read_by_column_and_exported_back()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "iocs.csv", "type,value,confidence\ndomain,onedrv-live[.]com,80\nipv4,198.51.100.9,60\n");
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", list, "--actor", "APT28")).ExitCode);

        var export = await RampartCli.RunAsync(data, "intel", "export", "--format", "csv");

        Assert.Contains("onedrv-live.com", export.Stdout, StringComparison.Ordinal);
        Assert.Contains("198.51.100.9", export.Stdout, StringComparison.Ordinal);
        Assert.Contains(",80,", export.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_actor_refuses_the_file()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "x.txt", "x-lure.example\n");

        var import = await RampartCli.RunAsync(data, "intel", "import", list, "--actor", "No Such Group 123");

        Assert.NotEqual(0, import.ExitCode);
        Assert.Contains("unknown actor", import.Stderr, StringComparison.Ordinal);
    }
}
