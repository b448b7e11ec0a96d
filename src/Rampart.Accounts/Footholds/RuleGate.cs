using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// What one field must be for a rule to match at all, read from the rule: every way its condition
/// can be true tests <see cref="Field"/> for one of <see cref="Exact"/> or a value starting with one of
/// <see cref="Prefixes"/> (case ignored, as Sigma compares). The built-in rules each select an
/// operation first (<c>Operation: New-InboxRule</c>, <c>activityDisplayName|startswith: Consent to application</c>).
/// </summary>
internal sealed record RuleGate(string Field, IReadOnlyList<string> Exact, IReadOnlyList<string> Prefixes)
{
    /// <summary>Whether a record whose field reads <paramref name="text"/> may match.</summary>
    public bool Admits(ReadOnlySpan<char> text)
    {
        foreach (var value in Exact)
        {
            if (text.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The rule's gate, or null when it has none that is certain: a field with an alias (the engine would
    /// read the alias first), a dotted or nested field, a modifier other than startswith, a value with
    /// wildcards or escapes, or a way to match that does not test the field (<c>not</c>, <c>1 of</c>, keywords).
    /// </summary>
    public static RuleGate? Of(SigmaRule rule, SigmaFieldAliases aliases)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var detection = rule.Detection;
        RuleGate? gate = null;
        foreach (var condition in detection.Conditions)
        {
            // Several conditions are alternatives (the engine joins them with 'or').
            var next = Of(condition, detection, rule.LogSource, aliases);
            gate = next is null ? null : gate is null ? next : Union(gate, next);
            if (gate is null)
            {
                return null;
            }
        }

        return gate;
    }

    private static RuleGate? Of(SigmaCondition condition, SigmaDetection detection, SigmaLogSource source, SigmaFieldAliases aliases) => condition switch
    {
        SigmaCondition.Identifier id => detection.Searches.FirstOrDefault(s => s.Name == id.Name) is { } search ? Of(search, source, aliases) : null,
        SigmaCondition.And and => Of(and.Left, detection, source, aliases) ?? Of(and.Right, detection, source, aliases),
        SigmaCondition.Or or => Union(Of(or.Left, detection, source, aliases), Of(or.Right, detection, source, aliases)),
        _ => null,
    };

    /// <summary>A search's alternatives are joined with 'or', the items of each with 'and': every alternative needs a gate item.</summary>
    private static RuleGate? Of(SigmaSearch search, SigmaLogSource source, SigmaFieldAliases aliases)
    {
        RuleGate? gate = null;
        foreach (var alternative in search.Alternatives)
        {
            var item = alternative.Select(i => Of(i, source, aliases)).FirstOrDefault(g => g is not null);
            gate = item is null ? null : gate is null ? item : Union(gate, item);
            if (gate is null)
            {
                return null;
            }
        }

        return gate;
    }

    private static RuleGate? Of(SigmaDetectionItem item, SigmaLogSource source, SigmaFieldAliases aliases)
    {
        if (item.Field is not { } field || field.Contains('.', StringComparison.Ordinal) || aliases.PathsFor(source, field).Any()
            || item.Values.Count == 0 || item.Values.Any(v => v.Kind != SigmaValueKind.Text || v.Text.AsSpan().IndexOfAny("*?\\") >= 0))
        {
            return null;
        }

        var values = item.Values.Select(v => v.Text).ToArray();
        return item.Modifiers switch
        {
            [] => new RuleGate(field, values, []),
            ["startswith"] => new RuleGate(field, [], values),
            _ => null,
        };
    }

    private static RuleGate? Union(RuleGate? a, RuleGate? b) =>
        a is null || b is null || !string.Equals(a.Field, b.Field, StringComparison.OrdinalIgnoreCase)
            ? null
            : new RuleGate(a.Field, [.. a.Exact, .. b.Exact], [.. a.Prefixes, .. b.Prefixes]);
}
