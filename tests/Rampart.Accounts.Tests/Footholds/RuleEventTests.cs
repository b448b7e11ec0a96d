using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>Every built-in rule file has events it must match (<c>RuleEvents/&lt;rule&gt;.positive.json</c>) and near misses it must not (<c>.negative.json</c>).</summary>
public sealed class RuleEventTests
{
    public static TheoryData<string> RuleFiles() =>
        [.. BuiltInFootholdRules.Load().Documents.Select(d => d.File["builtin:".Length..^".yml".Length]).Distinct(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void A_built_in_rule_matches_each_of_its_positive_events(string rule)
    {
        var events = Read(rule + ".positive.json");

        Assert.NotEmpty(events);
        foreach (var (line, matched) in events)
        {
            Assert.True(matched.Contains(rule), $"{rule}.positive.json:{line} matched only [{string.Join(", ", matched)}]");
        }
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void A_built_in_rule_matches_none_of_its_negative_events(string rule)
    {
        var events = Read(rule + ".negative.json");

        Assert.NotEmpty(events);
        foreach (var (line, matched) in events)
        {
            Assert.False(matched.Contains(rule), $"{rule}.negative.json:{line} matched");
        }
    }

    /// <summary>Each event of the file with the rule files (stems) that matched it.</summary>
    private static List<(int Line, HashSet<string> Matched)> Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Footholds", "RuleEvents", name);
        Assert.True(File.Exists(path), $"missing {name}");
        var evaluator = BuiltInFootholdRules.RuleSet.CreateEvaluator();
        var result = new List<(int, HashSet<string>)>();
        foreach (var item in new AuditLogReader(new AuditLogReaderOptions { Parallelism = 1 }).ReadFile(path))
        {
            Assert.True(item.Problem is null, item.Problem?.ToString());
            var e = item.Event!;
            var found = new List<SigmaMatch>();
            evaluator.Evaluate(new SigmaLogSource(e.Logsource.Product, e.Logsource.Service, e.Logsource.Category), e.Data, e.Timestamp ?? default, found);
            result.Add((e.Origin.Line, found.Select(m => m.Rule.File["builtin:".Length..^".yml".Length]).ToHashSet(StringComparer.Ordinal)));
        }

        return result;
    }
}
