using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

public sealed class BuiltInRuleTests
{
    [Fact]
    public void Every_built_in_rule_loads_and_compiles_without_an_error()
    {
        var loaded = BuiltInFootholdRules.Load();
        var set = BuiltInFootholdRules.Compile(loaded);

        Assert.Empty(loaded.Errors.Concat(set.Errors).Select(e => e.ToString()));
        Assert.Equal(loaded.Rules.Count(), set.Count);
        Assert.True(set.Count >= 30, $"only {set.Count} built-in rules");
    }

    [Fact]
    public void Every_built_in_rule_says_what_it_means_to_the_footholds_analysis_in_its_tags()
    {
        foreach (var rule in BuiltInFootholdRules.Load().Rules)
        {
            var role = RuleRole.Of(rule);
            var tagged = role.Creates is not null || role.Removes is not null || role.Reset is not null
                || rule.Tags.Contains("rampart.finding", StringComparer.Ordinal) || role.CompromiseSignal;
            Assert.True(tagged, $"{rule.File}: no rampart.* tag");
        }
    }

    [Fact]
    public void Every_kind_of_foothold_has_a_rule_that_creates_it_and_one_that_removes_it()
    {
        var roles = BuiltInFootholdRules.Load().Rules.Select(RuleRole.Of).ToList();
        foreach (var kind in Enum.GetValues<FootholdKind>())
        {
            Assert.Contains(roles, r => r.Creates == kind);
            Assert.Contains(roles, r => r.Removes == kind);
        }
    }
}
