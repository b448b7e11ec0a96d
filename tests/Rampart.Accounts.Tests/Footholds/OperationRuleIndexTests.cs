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
