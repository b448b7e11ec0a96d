using System.Text.RegularExpressions;

namespace Rampart.Intel.Actors;

/// <summary>ATT&amp;CK group ids (G0007) as the galaxies write them: external ids, group page URLs, synonyms, name suffixes.</summary>
internal static partial class AttackGroupIds
{
    public static bool IsGroupId(string text) => GroupId().IsMatch(text);

    /// <summary>"APT28 - G0007" → "APT28"; any other value unchanged.</summary>
    public static string WithoutSuffix(string value)
    {
        var match = NameSuffix().Match(value);
        return match.Success ? value[..match.Index] : value;
    }

    public static IReadOnlySet<string> Of(string? externalId, IEnumerable<string> refs, IEnumerable<string> synonyms)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        if (externalId is not null && IsGroupId(externalId))
        {
            ids.Add(externalId.ToUpperInvariant());
        }

        foreach (var reference in refs)
        {
            foreach (Match match in GroupPage().Matches(reference))
            {
                ids.Add(match.Groups[1].Value.ToUpperInvariant());
            }
        }

        foreach (var synonym in synonyms)
        {
            if (IsGroupId(synonym))
            {
                ids.Add(synonym.ToUpperInvariant());
            }
        }

        return ids;
    }

    [GeneratedRegex(@"^G\d{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupId();

    [GeneratedRegex(@"\s+-\s+G\d{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSuffix();

    [GeneratedRegex(@"attack\.mitre\.org/groups/(G\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupPage();
}
