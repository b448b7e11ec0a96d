using CsCheck;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>The built-in rules are tested only against records whose operation they select; what matches must not change.</summary>
public sealed class OperationRuleIndexTests
{
    [Fact]
    public void Every_built_in_rule_over_exchange_and_directory_audit_records_selects_its_operations()
    {
        foreach (var rule in BuiltInFootholdRules.Load().Rules.Where(r => r.LogSource.Service is "exchange" or "audit" or "auditlogs"))
        {
            var gate = RuleGate.Of(rule, AuditLogFieldAliases.SigmaHq);
            Assert.True(gate is not null, $"{rule.File}: no operation gate");
            Assert.Contains(gate.Field, (string[])["Operation", "activityDisplayName"]);
        }
    }

    [Fact]
    public void Each_rule_event_matches_the_same_built_in_rules_with_the_index_as_without_it()
    {
        var rules = BuiltInFootholdRules.RuleSet;
        var evaluator = rules.CreateEvaluator();
        var index = new OperationRuleIndex(rules);
        var record = new EventRecord();
        var events = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Footholds", "RuleEvents")))
        {
            foreach (var item in new AuditLogReader(new AuditLogReaderOptions { Parallelism = 1 }).ReadFile(path))
            {
                var e = item.Event!;
                var source = new SigmaLogSource(e.Logsource.Product, e.Logsource.Service, e.Logsource.Category);
                record.Load(e.Json);
                List<CompiledRule> all = [], indexed = [];
                evaluator.MatchRules(source, record, all);
                evaluator.MatchRules(index.RulesFor(source, record), record, indexed);
                Assert.Equal(all.Select(r => r.Rule.File), indexed.Select(r => r.Rule.File));
                events++;
            }
        }

        Assert.True(events >= 78, $"only {events} rule events");
    }

    [Fact]
    public void Rules_gated_on_several_fields_match_the_same_records_with_the_index_as_without_it()
    {
        // Gates on five fields (one more than are indexed), values spelled in other cases, by prefix,
        // fields absent or not text, and rules without a gate: SigmaHQ's sign-in rules are like this.
        string[] rules =
        [
            "selection:\n        Status: Success\n        UserAgent|contains: bav2ropc\n    condition: selection",
            "selection:\n        Status: Failure\n    condition: selection",
            "selection:\n        AuthenticationRequirement: singleFactorAuthentication\n        Status: Success\n    condition: selection",
            "selection:\n        ResultDescription|startswith: Blocked\n    condition: selection",
            "a:\n        ResultDescription: Device authentication is required\n    b:\n        resultdescription: Failure\n    condition: a or b",
            "selection:\n        ResourceDisplayName: Device Registration Service\n    condition: selection",
            "selection:\n        ActivityDetails: Sign-ins\n        ClientApp: IMAP\n    condition: selection",
            "selection:\n        UserAgent|contains: azurehound\n    condition: selection",
            "selection:\n        Status: Success\n    filter:\n        AuthenticationRequirement: multiFactorAuthentication\n    condition: selection and not filter",
        ];
        var text = string.Join("---\n", rules.Select((d, i) => $"title: Rule {i}\nid: 00000000-0000-4000-8000-00000000000{i}\nlogsource:\n    product: azure\n    service: signinlogs\ndetection:\n    {d}\n"));
        var loaded = SigmaLoader.LoadText(text, "rules.yml");
        Assert.Empty(loaded.Errors);
        var set = SigmaRuleSet.Compile(loaded.Documents, new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq });
        var source = new SigmaLogSource("azure", "signinlogs", null);
        Assert.True(set.RuleCountFor(source) == rules.Length);
        var evaluator = set.CreateEvaluator();
        var index = new OperationRuleIndex(set);
        var record = new EventRecord();

        string[] values =
        [
            "\"Success\"", "\"success\"", "\"Failure\"", "\"Blocked by CA\"", "\"blocked\"", "\"Device authentication is required\"",
                "\"singleFactorAuthentication\"", "\"multiFactorAuthentication\"", "\"Device Registration Service\"", "\"Sign-ins\"", "\"IMAP\"",
                "\"BAV2ROPC\"", "\"AzureHound/1.0\"", "\"\\u0053uccess\"", "0", "null", "{\"errorCode\":0}", "[\"Success\"]",
        ];
        string[] fields = ["Status", "AuthenticationRequirement", "ResultDescription", "ResourceDisplayName", "ActivityDetails", "ClientApp", "UserAgent", "status"];
        var member = Gen.Select(Gen.Int[0, fields.Length - 1], Gen.Int[0, values.Length - 1]).Select((f, v) => (Field: fields[f], Value: values[v]));
        member.Array[0, 8].Sample(members =>
        {
            var json = "{" + string.Join(",", members.DistinctBy(m => m.Field).Select(m => $"\"{m.Field}\":{m.Value}")) + "}";
            Assert.True(record.Load(System.Text.Encoding.UTF8.GetBytes(json)));
            List<CompiledRule> all = [], indexed = [];
            evaluator.MatchRules(source, record, all);
            evaluator.MatchRules(index.RulesFor(source, record), record, indexed);
            return all.Select(r => r.Rule.Title).SequenceEqual(indexed.Select(r => r.Rule.Title));
        }, iter: 2000, threads: 1);

        // The index does select: a record whose gated fields admit none of the gated rules tests only the ungated ones.
        Assert.True(record.Load("{\"Status\":\"Pending\",\"AuthenticationRequirement\":\"none\",\"ResultDescription\":\"ok\",\"ResourceDisplayName\":\"x\"}"u8));
        Assert.True(index.RulesFor(source, record).Length < rules.Length);
    }

    [Theory]
    [InlineData("Consent to application", true)]
    [InlineData("consent TO application – extra", true)]
    [InlineData("New-InboxRule", true)]
    [InlineData("new-inboxrule", true)]
    [InlineData("New-InboxRule2", false)]
    [InlineData("Remove-InboxRule", false)]
    public void A_gate_admits_its_operations_case_ignored_exact_or_by_prefix(string operation, bool admitted)
    {
        var gate = Gate("""
            detection:
                consent:
                    Operation|startswith: Consent to application
                rule:
                    Operation: New-InboxRule
                    Parameters.ForwardTo|exists: true
                condition: consent or rule
            """);

        Assert.Equal(admitted, gate!.Admits(operation));
    }

    [Theory]
    [InlineData("selection:\n        Operation: New-*\n    condition: selection")]
    [InlineData("selection:\n        Operation|contains: InboxRule\n    condition: selection")]
    [InlineData("selection:\n        Operation: New-InboxRule\n    condition: not selection")]
    [InlineData("selection:\n        Operation: New-InboxRule\n    other:\n        UserId: a\n    condition: selection or other")]
    [InlineData("selection:\n        - Operation: New-InboxRule\n        - UserId: a\n    condition: selection")]
    [InlineData("selection:\n        Operation: New-InboxRule\n    condition: 1 of sel*")]
    [InlineData("selection:\n        eventName: New-InboxRule\n    condition: selection")]
    [InlineData("selection:\n        Parameters.Identity: a\n    condition: selection")]
    public void A_rule_that_can_match_without_the_field_having_one_of_its_values_has_no_gate(string detection) =>
        Assert.Null(Gate("detection:\n    " + detection));

    private static RuleGate? Gate(string detection)
    {
        var text = "title: Gate\nlogsource:\n    product: m365\n    service: exchange\n" + detection.ReplaceLineEndings("\n") + "\n";
        var loaded = SigmaLoader.LoadText(text, "gate.yml");
        Assert.Empty(loaded.Errors);
        return RuleGate.Of(loaded.Rules.Single(), AuditLogFieldAliases.SigmaHq);
    }
}
