using System.Text.Json;

namespace Rampart.Tests;

public sealed class LogsScanTests
{
    private const string Rule = """
        title: Inbox rule forwarding outside
        id: 0b7d5f4e-0000-4000-8000-0000000000aa
        level: high
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                Operation: New-InboxRule
                Parameters.ForwardTo|contains: '@'
            condition: selection
        """;

    private const string Forwarding = """{"CreationTime":"2024-03-01T10:15:22","Id":"1","Operation":"New-InboxRule","RecordType":1,"ResultStatus":"True","Workload":"Exchange","ClientIP":"203.0.113.7:63070","UserId":"victim@contoso.com","Parameters":[{"Name":"ForwardTo","Value":"attacker@evil.example"}]}""";
    private const string Login = """{"CreationTime":"2024-03-01T10:16:00","Id":"2","Operation":"UserLoggedIn","RecordType":15,"ResultStatus":"Success","Workload":"AzureActiveDirectory","ClientIP":"198.51.100.1","UserId":"other@contoso.com"}""";

    [Fact]
    public async Task A_truncated_file_a_broken_AuditData_cell_and_a_record_of_the_wrong_shape_are_reported_by_line_and_the_rest_is_scanned()
    {
        var data = RampartCli.NewDataFolder();
        var logs = Path.Combine(data, "logs");
        Directory.CreateDirectory(logs);
        RampartCli.WriteFile(logs, "truncated.jsonl", Login + "\n" + Forwarding + "\n" + Login[..70]);
        var cell = "\"" + Forwarding.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        RampartCli.WriteFile(logs, "export.csv", $"CreationDate,UserIds,Operations,AuditData\nx,y,z,\"{{\"\"CreationTime\"\":\"\"2024\"\nx,y,z,{cell}\n");
        RampartCli.WriteFile(logs, "shape.json", "[\n" + Login + ",\n{\"hello\": \"world\"},\n" + Forwarding + "\n]\n");
        var rules = RampartCli.WriteFile(data, "rule.yml", Rule);

        var scan = await RampartCli.RunAsync(data, "logs", "scan", logs, "--rules", rules, "--format", "json");

        Assert.Equal(2, scan.ExitCode);
        var result = JsonDocument.Parse(scan.Stdout).RootElement;
        Assert.Equal(5, result.GetProperty("events").GetInt32());
        var problems = result.GetProperty("problems").EnumerateArray()
            .Select(p => $"{Path.GetFileName(p.GetProperty("file").GetString())}:{p.GetProperty("line").GetInt32()}").Order(StringComparer.Ordinal);
        Assert.Equal(["export.csv:2", "shape.json:3", "truncated.jsonl:3"], problems);
        Assert.Equal(3, result.GetProperty("matches").GetInt32());
        var perAccount = result.GetProperty("per_account")[0];
        Assert.Equal("victim@contoso.com", perAccount.GetProperty("account").GetString());

        var stored = await RampartCli.RunAsync(data, "logs", "matches", "--account", "victim@contoso.com", "--format", "json");
        Assert.Equal(0, stored.ExitCode);
        var matches = JsonDocument.Parse(stored.Stdout).RootElement;
        Assert.Equal(3, matches.GetArrayLength());
        Assert.All(matches.EnumerateArray(), m => Assert.Equal("203.0.113.7", m.GetProperty("client_ip").GetString()));
    }

    [Fact]
    public async Task Since_leaves_older_events_unevaluated()
    {
        var data = RampartCli.NewDataFolder();
        var log = RampartCli.WriteFile(data, "ual.jsonl", Forwarding + "\n" + Login + "\n");
        var rules = RampartCli.WriteFile(data, "rule.yml", Rule);

        var scan = await RampartCli.RunAsync(data, "logs", "scan", log, "--rules", rules, "--since", "2024-03-01T10:16:00Z", "--format", "json", "--no-store");

        Assert.Equal(0, scan.ExitCode);
        var result = JsonDocument.Parse(scan.Stdout).RootElement;
        Assert.Equal(2, result.GetProperty("events").GetInt32());
        Assert.Equal(1, result.GetProperty("evaluated").GetInt32());
        Assert.Equal(0, result.GetProperty("matches").GetInt32());
    }
}
