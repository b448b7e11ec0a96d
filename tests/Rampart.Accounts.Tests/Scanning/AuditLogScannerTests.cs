using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;
using Rampart.Accounts.Tests.AuditLogs;

namespace Rampart.Accounts.Tests.Scanning;

public sealed class AuditLogScannerTests
{
    private const string Rules = """
        title: Inbox rule forwarding outside
        id: 7d3a1c2e-0000-4000-8000-000000000001
        level: high
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                eventName: New-InboxRule
                Parameters.ForwardTo|contains: '@'
            condition: selection
        ---
        title: Credentials added to an application
        id: 7d3a1c2e-0000-4000-8000-000000000002
        level: medium
        logsource:
            product: azure
            service: auditlogs
        detection:
            selection:
                properties.message: Update application – Certificates and secrets management
            condition: selection
        ---
        title: Suspicious inbox forwarding alert
        id: 7d3a1c2e-0000-4000-8000-000000000003
        level: low
        logsource:
            product: m365
            service: threat_management
        detection:
            selection:
                eventSource: SecurityComplianceCenter
                eventName: Suspicious inbox forwarding
            condition: selection
        """;

    private static SigmaRuleSet Compile()
    {
        var loaded = SigmaLoader.LoadText(Rules, "rules.yml");
        Assert.Empty(loaded.Errors);
        var set = SigmaRuleSet.Compile(loaded.Documents, new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq });
        Assert.Empty(set.Errors);
        return set;
    }

    [Fact]
    public void SigmaHQ_style_field_names_find_the_readers_fields_and_matches_are_tallied_per_rule_and_account()
    {
        var scanner = new AuditLogScanner(Compile());

        scanner.ScanFile(Fixture.Path("ual-management-api.json"));
        scanner.ScanFile(Fixture.Path("sentinel-auditlogs.jsonl"));

        var summary = scanner.Summary;
        Assert.Equal(5, summary.Events);
        Assert.Equal(3, summary.MatchCount);
        Assert.Equal(
            ["Credentials added to an application", "Inbox rule forwarding outside", "Suspicious inbox forwarding alert"],
            summary.PerRule.Values.Select(t => t.Title).Order(StringComparer.Ordinal));
        Assert.Equal(1, summary.PerAccount["victim@contoso.com"]);
        Assert.Equal(1, summary.PerAccount["pgustavo@simulandlabs.com"]);
        var forwarding = Assert.Single(summary.Matches, m => m.Rule.Title == "Inbox rule forwarding outside");
        Assert.Equal(2, forwarding.Event.Origin.Line);
        Assert.Contains("attacker@evil.example", forwarding.EventJson, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matched_event_carries_every_typed_field_the_reader_gives_it()
    {
        var scanner = new AuditLogScanner(Compile());

        scanner.ScanFile(Fixture.Path("ual-management-api.json"));
        scanner.ScanFile(Fixture.Path("sentinel-auditlogs.jsonl"));

        var read = Fixture.ReadFile("ual-management-api.json").Events().Concat(Fixture.ReadFile("sentinel-auditlogs.jsonl").Events()).ToList();
        Assert.NotEmpty(scanner.Summary.Matches);
        foreach (var match in scanner.Summary.Matches)
        {
            var e = match.Event;
            var same = Assert.Single(read, r => r.Origin == e.Origin);
            Assert.NotNull(e.Account);
            Assert.Equal(
                (same.Logsource, same.Timestamp, same.Account, same.ClientIp, same.Operation, same.Result, same.Workload, same.KnownAppId, same.AppIdKnown),
                (e.Logsource, e.Timestamp, e.Account, e.ClientIp, e.Operation, e.Result, e.Workload, e.KnownAppId, e.AppIdKnown));
        }
    }

    [Fact]
    public void Events_before_since_are_read_but_not_evaluated()
    {
        var scanner = new AuditLogScanner(Compile(), new AuditLogScanOptions { Since = new DateTimeOffset(2024, 3, 1, 10, 20, 0, TimeSpan.Zero) });

        scanner.ScanFile(Fixture.Path("ual-management-api.json"));

        Assert.Equal(4, scanner.Summary.Events);
        Assert.Equal(3, scanner.Summary.Evaluated);
        Assert.Equal(["Suspicious inbox forwarding alert"], scanner.Summary.PerRule.Values.Select(t => t.Title));
    }

    [Fact]
    public void Without_rules_a_scan_counts_events_per_logsource_and_problems_with_their_lines()
    {
        var scanner = new AuditLogScanner(null);

        scanner.ScanFile(Fixture.Path("purview-export.csv"));
        scanner.ScanFile(Fixture.Path("graph-signins.json"));

        Assert.Equal(4, scanner.Summary.Events);
        Assert.Equal(2, scanner.Summary.PerLogsource["azure/signinlogs"]);
        Assert.Equal(3, Assert.Single(scanner.Summary.Problems).Line);
        Assert.Equal(0, scanner.Summary.MatchCount);
    }

    [Fact]
    public void Kept_matches_stop_at_the_limit_but_are_still_counted()
    {
        var scanner = new AuditLogScanner(Compile(), new AuditLogScanOptions { MaxKeptMatches = 1 });

        scanner.ScanFile(Fixture.Path("ual-management-api.json"));

        Assert.Equal(2, scanner.Summary.MatchCount);
        Assert.Single(scanner.Summary.Matches);
    }

    private const string FederatedDomainRule = """
        title: New federated domain added
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                eventSource: Exchange
                eventName: Add-FederatedDomain
                status: success
            condition: selection
        """;

    private static string FederatedDomain(string resultStatus) =>
        $$"""{"CreationTime":"2024-03-01T10:00:00","Id":"1","Operation":"Add-FederatedDomain","RecordType":1,"Workload":"Exchange","UserId":"admin@contoso.com","ResultStatus":"{{resultStatus}}"}""";

    [Theory]
    [InlineData("Succeeded", true)]
    [InlineData("True", true)]
    [InlineData("Success", true)]
    [InlineData("PartiallySucceeded", true)]
    [InlineData("Failed", false)]
    [InlineData("False", false)]
    public void SigmaHQ_m365_rules_with_status_success_match_every_success_spelling_and_no_failure(string resultStatus, bool matches)
    {
        foreach (var aliases in new[] { AuditLogFieldAliases.SigmaHq, SigmaFieldAliases.BuiltIn })
        {
            var set = SigmaRuleSet.Compile(SigmaLoader.LoadText(FederatedDomainRule, "rule.yml").Documents, new SigmaCompileOptions { FieldAliases = aliases });
            var scanner = new AuditLogScanner(set);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(FederatedDomain(resultStatus)));

            scanner.ScanStream(stream, "federation.json");

            Assert.Equal(1, scanner.Summary.Evaluated);
            Assert.Equal(matches ? 1 : 0, scanner.Summary.MatchCount);
        }
    }

    [Theory]
    [InlineData("Succeeded", 1)]
    [InlineData("Failed", 0)]
    public void An_alert_with_a_status_of_its_own_matches_a_SigmaHQ_alert_rule_by_its_outcome(string resultStatus, int matches)
    {
        const string rule = """
            title: Suspicious inbox forwarding alert
            logsource:
                product: m365
                service: threat_management
            detection:
                selection:
                    eventSource: SecurityComplianceCenter
                    eventName: 'Suspicious inbox forwarding'
                    status: success
                condition: selection
            """;
        var alert = $$"""{"CreationTime":"2024-03-01T11:02:45","Id":"7","Operation":"AlertTriggered","RecordType":40,"ResultStatus":"{{resultStatus}}","Workload":"SecurityComplianceCenter","UserId":"SecurityComplianceAlerts","Name":"Suspicious inbox forwarding","Status":"Active"}""";
        var scanner = new AuditLogScanner(SigmaRuleSet.Compile(SigmaLoader.LoadText(rule, "rule.yml").Documents, new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq }));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(alert));

        scanner.ScanStream(stream, "alert.json");

        Assert.Equal(matches, scanner.Summary.MatchCount);
    }

    private const string CorrelatedRules = """
        title: Mailbox rule changed
        name: mailbox_rule_changed
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                eventName: Set-InboxRule
            condition: selection
        ---
        title: Many mailbox rule changes by one account
        correlation:
            type: event_count
            rules: mailbox_rule_changed
            group-by:
                - UserId
            timespan: 10m
            condition:
                gte: 3
        """;

    [Fact]
    public void Testing_rules_on_several_threads_reports_the_same_matches_and_correlations_in_the_same_order_as_one_thread()
    {
        var lines = Enumerable.Range(0, 5000).Select(i =>
            $$"""{"CreationTime":"2024-03-01T{{10 + i / 3600:00}}:{{i / 60 % 60:00}}:{{i % 60:00}}","Id":"{{i}}","Operation":"{{(i % 7 == 0 ? "Set-InboxRule" : "MailItemsAccessed")}}","RecordType":1,"Workload":"Exchange","UserId":"user{{i % 5}}@contoso.com","ResultStatus":"Succeeded"}""");
        var text = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

        (List<(string, string?, int)> Matches, long Tested) Scan(int parallelism)
        {
            var set = SigmaRuleSet.Compile(SigmaLoader.LoadText(CorrelatedRules, "rules.yml").Documents, new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq });
            var scanner = new AuditLogScanner(set, new AuditLogScanOptions { Reader = new AuditLogReaderOptions { Parallelism = parallelism } });
            using var stream = new MemoryStream(text);
            scanner.ScanStream(stream, "many.jsonl");
            return ([.. scanner.Summary.Matches.Select(m => (m.Rule.Title, m.GroupKey, m.Event.Origin.Line))], scanner.RulesTested);
        }

        var one = Scan(1);
        var two = Scan(2);

        Assert.Contains(one.Matches, m => m.Item2 is not null);
        Assert.Equal(one.Matches, two.Matches);
        Assert.Equal(5000, one.Tested);
        Assert.Equal(one.Tested, two.Tested);
    }
}
