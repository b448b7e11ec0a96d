using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// An event built from a rule's first search: each field set to its first value with wildcards and
/// modifiers applied naively. Not every rule matches its event (negations, regexes, encodings);
/// the point is that every rule runs over events with its own fields present.
/// </summary>
internal static class SyntheticEvent
{
    public static string For(SigmaRule rule)
    {
        var root = new JsonObject();
        foreach (var search in rule.Detection.Searches.Where(s => !s.Name.StartsWith("filter", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var item in search.Alternatives[0])
            {
                if (item.Field is null || root.ContainsKey(item.Field))
                {
                    continue;
                }

                var text = item.Values[0].Text.Replace("*", "x", StringComparison.Ordinal).Replace("?", "x", StringComparison.Ordinal);
                if (item.Modifiers.Contains("all"))
                {
                    text = string.Join(" ", item.Values.Select(v => v.Text.Replace("*", "x", StringComparison.Ordinal)));
                }

                root[item.Field] = item.Values[0].Kind == SigmaValueKind.Number && item.Modifiers.Count == 0 ? JsonValue.Create(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(text);
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
