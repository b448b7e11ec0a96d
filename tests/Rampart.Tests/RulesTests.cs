using System.Text.Json;

namespace Rampart.Tests;

public sealed class RulesTests
{
    private static readonly string Data = RampartCli.NewDataFolder();

    private const string Rules = """
        title: Inbox rule forwarding outside
        id: 11111111-2222-3333-4444-555555555555
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                Operation: New-InboxRule
                Parameters.Value|endswith: '@external.example'
            filter_admin:
                UserId|startswith: 'adm_'
            condition: selection and not filter_admin
        ---
        title: broken
        logsource:
            product: m365
        detection:
            selection:
                Operation|foo: x
            condition: selection
        """;

    [Fact]
    public async Task Check_reports_each_rule_that_cannot_load_with_file_line_and_reason_and_fails()
    {
        var file = RampartCli.WriteFile(Data, "check.yml", Rules);

        var result = await RampartCli.RunAsync(Data, "rules", "check", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:19:9: unknown modifier 'foo' in 'Operation|foo'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 cannot be used", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_lists_the_events_that_match_with_the_items_that_matched()
    {
        var rule = RampartCli.WriteFile(Data, "test.yml", Rules.Split("---")[0]);
        var events = RampartCli.WriteFile(Data, "events.jsonl", string.Join('\n',
            """{"Operation":"New-InboxRule","UserId":"bob","Parameters":[{"Name":"ForwardTo","Value":"x@external.example"}]}""",
            """{"Operation":"New-InboxRule","UserId":"adm_bob","Parameters":[{"Name":"ForwardTo","Value":"x@external.example"}]}""",
            "not json",
            """{"Operation":"Set-Mailbox"}"""));

        var result = await RampartCli.RunAsync(Data, "rules", "test", rule, events, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(1, rows[0].GetProperty("line").GetInt32());
        Assert.Equal(["Operation: New-InboxRule", "Parameters.Value|endswith: @external.example"], rows[0].GetProperty("matched").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(3, rows[1].GetProperty("line").GetInt32());
        Assert.Contains("not JSON", rows[1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
