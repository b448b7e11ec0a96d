using System.Globalization;
using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts;

/// <summary>Runs a rule set over an events file for <c>rules test</c>: every event under each log source the rules name.</summary>
public static class RuleTester
{
    private static readonly string[] TimeFields = ["CreationTime", "TimeGenerated", "createdDateTime", "activityDateTime", "time", "@timestamp", "timestamp"];

    public static IReadOnlyList<RuleTestResult> Run(SigmaRuleSet set, string eventsPath, string? timeField)
    {
        var results = new List<RuleTestResult>();
        var evaluator = set.CreateEvaluator();
        var sources = set.Rules.Select(r => r.LogSource).Distinct().ToList();
        var matches = new List<SigmaMatch>();
        var order = 0;
        foreach (var (line, json, error) in ReadEvents(eventsPath))
        {
            if (error is not null)
            {
                results.Add(new RuleTestResult(line, null, null, [], $"{eventsPath}:{line}: {error}"));
                continue;
            }

            using var document = json!;
            var root = document.RootElement;
            var time = TimeOf(root, timeField) ?? DateTimeOffset.UnixEpoch.AddSeconds(order++);
            var seen = new HashSet<SigmaDocument>();
            foreach (var source in sources)
            {
                matches.Clear();
                evaluator.Evaluate(source, root, time, matches);
                foreach (var match in matches.Where(m => seen.Add(m.Rule)))
                {
                    var items = match.Rule is SigmaRule rule ? set.Explain(rule, root).Where(e => e.Matched).Select(e => e.Item).ToList() : [];
                    results.Add(new RuleTestResult(line, match.Rule, match.GroupKey, items, null));
                }
            }
        }

        return results;
    }

    private static DateTimeOffset? TimeOf(JsonElement root, string? field)
    {
        foreach (var name in field is null ? TimeFields : [field])
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>JSON lines, or a single JSON array; a line that is not JSON is reported and the rest still read.</summary>
    private static IEnumerable<(int Line, JsonDocument? Json, string? Error)> ReadEvents(string path)
    {
        var text = File.ReadAllText(path);
        if (text.TrimStart().StartsWith('['))
        {
            JsonDocument array;
            string? failure = null;
            try
            {
                array = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                array = null!;
                failure = $"not JSON: {ex.Message}";
            }

            if (failure is not null)
            {
                yield return (1, null, failure);
                yield break;
            }

            using (array)
            {
                var index = 0;
                foreach (var element in array.RootElement.EnumerateArray())
                {
                    index++;
                    yield return (index, JsonDocument.Parse(element.GetRawText()), null);
                }
            }

            yield break;
        }

        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument? document = null;
            string? error = null;
            try
            {
                document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    document.Dispose();
                    document = null;
                    error = "not a JSON object";
                }
            }
            catch (JsonException ex)
            {
                error = $"not JSON: {ex.Message}";
            }

            yield return (number, document, error);
        }
    }
}
