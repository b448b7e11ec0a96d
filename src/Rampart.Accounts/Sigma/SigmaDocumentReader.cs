using System.Globalization;

namespace Rampart.Accounts.Sigma;

/// <summary>Turns one YAML document into a rule, correlation or filter, checking what the specification requires.</summary>
internal static class SigmaDocumentReader
{
    /// <summary>The modifiers of the specification's appendix (v2.1), plus the <c>re</c> flags.</summary>
    public static readonly IReadOnlySet<string> KnownModifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "all", "startswith", "endswith", "contains", "exists", "cased", "neq", "windash",
        "re", "i", "m", "s", "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide",
        "lt", "lte", "gt", "gte", "minute", "hour", "day", "week", "month", "year",
        "cidr", "expand", "fieldref",
    };

    public static SigmaDocument Read(YMapping root, string file)
    {
        if (root["correlation"] is { } correlation)
        {
            return ReadCorrelation(root, correlation, root.KeyOf("correlation")!, file);
        }

        if (root["filter"] is { } filter && root["detection"] is null)
        {
            return ReadFilter(root, filter, root.KeyOf("filter")!, file);
        }

        if (root["detection"] is { } detection)
        {
            var metadata = ReadMetadata(root, file);
            var logsource = ReadLogSource(root);
            return new SigmaRule
            {
                Metadata = metadata,
                LogSource = logsource,
                Detection = ReadDetection(detection, root.KeyOf("detection")!),
            };
        }

        throw SigmaException.At(root, "the document is not a rule ('detection'), a correlation ('correlation') or a filter ('filter')");
    }

    private static SigmaFilterRule ReadFilter(YMapping root, YNode filter, YScalar key, string file)
    {
        var metadata = ReadMetadata(root, file);
        var logsource = ReadLogSource(root);
        if (filter is not YMapping map)
        {
            throw SigmaException.At(filter, "'filter' must be a mapping with rules, search identifiers and a condition");
        }

        var rulesNode = map["rules"] ?? throw SigmaException.At(key, "'filter' needs 'rules': the ids or names of the rules it applies to");
        var any = rulesNode is YScalar { Text: var t } && string.Equals(t, "any", StringComparison.OrdinalIgnoreCase);
        var rules = any ? [] : StringList(rulesNode);
        if (!any && rules.Count == 0)
        {
            throw SigmaException.At(rulesNode, "'filter.rules' lists no rule");
        }

        var detection = new YMapping([.. map.Entries.Where(e => e.Key.Text != "rules")], map.Line, map.Column);
        return new SigmaFilterRule
        {
            Metadata = metadata,
            LogSource = logsource,
            Rules = rules,
            AppliesToAny = any,
            Detection = ReadDetection(detection, key),
        };
    }

    private static SigmaCorrelationRule ReadCorrelation(YMapping root, YNode node, YScalar key, string file)
    {
        var metadata = ReadMetadata(root, file);
        if (node is not YMapping map)
        {
            throw SigmaException.At(node, "'correlation' must be a mapping (type, rules, group-by, timespan, condition)");
        }

        var typeNode = map["type"] ?? throw SigmaException.At(key, "'correlation.type' is mandatory");
        var type = ScalarText(typeNode, "correlation.type") switch
        {
            "event_count" => SigmaCorrelationType.EventCount,
            "value_count" => SigmaCorrelationType.ValueCount,
            "temporal" => SigmaCorrelationType.Temporal,
            "temporal_ordered" => SigmaCorrelationType.TemporalOrdered,
            "value_sum" => SigmaCorrelationType.ValueSum,
            "value_avg" => SigmaCorrelationType.ValueAvg,
            "value_percentile" => SigmaCorrelationType.ValuePercentile,
            var other => throw SigmaException.At(typeNode, $"unknown correlation type '{other}' (event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile)"),
        };

        var rulesNode = map["rules"] ?? throw SigmaException.At(key, "'correlation.rules' is mandatory");
        var rules = StringList(rulesNode);
        if (rules.Count == 0)
        {
            throw SigmaException.At(rulesNode, "'correlation.rules' lists no rule");
        }

        if (type is SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered && rules.Count < 2)
        {
            throw SigmaException.At(rulesNode, "a temporal correlation needs at least two rules");
        }

        var groupBy = map["group-by"] is { } g ? StringList(g) : [];
        var timespanNode = map["timespan"] ?? throw SigmaException.At(key, "'correlation.timespan' is mandatory");
        var timespan = ParseTimespan(timespanNode);

        var conditions = new List<SigmaComparison>();
        string? field = null;
        var conditionNode = map["condition"];
        if (conditionNode is YMapping conditionMap)
        {
            foreach (var (criterion, value) in conditionMap.Entries)
            {
                if (criterion.Text == "field")
                {
                    field = value is YSequence seq
                        ? throw SigmaException.At(value, "'condition.field' with several fields is not supported: name one field")
                        : ScalarText(value, "condition.field");
                    continue;
                }

                var op = criterion.Text switch
                {
                    "gt" => SigmaComparisonOperator.Gt,
                    "gte" => SigmaComparisonOperator.Gte,
                    "lt" => SigmaComparisonOperator.Lt,
                    "lte" => SigmaComparisonOperator.Lte,
                    "eq" => SigmaComparisonOperator.Eq,
                    "neq" => SigmaComparisonOperator.Neq,
                    _ => throw SigmaException.At(criterion, $"unknown correlation condition '{criterion.Text}' (gt, gte, lt, lte, eq, neq, field)"),
                };
                if (value is not YScalar { Kind: YScalarKind.Number } number
                    || !double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
                {
                    throw SigmaException.At(value, $"'condition.{criterion.Text}' must be a number");
                }

                conditions.Add(new SigmaComparison(op, threshold));
            }
        }
        else if (conditionNode is not null)
        {
            throw SigmaException.At(conditionNode, "'correlation.condition' must be a mapping such as 'gte: 10'");
        }

        var needsCondition = type is not (SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered);
        if (needsCondition && conditions.Count == 0)
        {
            throw SigmaException.At(conditionNode ?? key, $"a {ScalarText(typeNode, "type")} correlation needs a condition such as 'gte: 10'");
        }

        var needsField = type is SigmaCorrelationType.ValueCount or SigmaCorrelationType.ValueSum or SigmaCorrelationType.ValueAvg or SigmaCorrelationType.ValuePercentile;
        if (needsField && field is null)
        {
            throw SigmaException.At(conditionNode ?? key, $"a {ScalarText(typeNode, "type")} correlation needs 'condition.field'");
        }

        var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (map["aliases"] is { } aliasesNode)
        {
            if (aliasesNode is not YMapping aliasMap)
            {
                throw SigmaException.At(aliasesNode, "'correlation.aliases' must map alias → (rule name → field)");
            }

            foreach (var (alias, perRule) in aliasMap.Entries)
            {
                if (perRule is not YMapping perRuleMap)
                {
                    throw SigmaException.At(perRule, $"alias '{alias.Text}' must map rule names to fields");
                }

                aliases[alias.Text] = perRuleMap.Entries.ToDictionary(e => e.Key.Text, e => ScalarText(e.Value, "alias field"), StringComparer.Ordinal);
            }
        }

        var generate = map["generate"] is YScalar { Kind: YScalarKind.Boolean } gen && bool.Parse(gen.Text.ToLowerInvariant());
        return new SigmaCorrelationRule
        {
            Metadata = metadata,
            Type = type,
            Rules = rules,
            GroupBy = groupBy,
            Timespan = timespan,
            Condition = conditions,
            Field = field,
            Aliases = aliases,
            Generate = generate,
        };
    }

    /// <summary>The attributes rules, correlations and filters share; the title is the one that is mandatory.</summary>
    private static SigmaMetadata ReadMetadata(YMapping root, string file) => new()
    {
        Title = RequiredString(root, "title"),
        Id = OptionalString(root, "id"),
        Name = OptionalString(root, "name"),
        Level = OptionalString(root, "level"),
        Status = OptionalString(root, "status"),
        Description = OptionalString(root, "description"),
        Tags = StringList(root["tags"]),
        File = file,
        Line = root.Line,
    };

    private static TimeSpan ParseTimespan(YNode node)
    {
        var text = ScalarText(node, "timespan");
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount < 100_000_000)
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
                case 'w': return TimeSpan.FromDays(7 * amount);
                case 'M': return TimeSpan.FromDays(30 * amount);
                case 'y': return TimeSpan.FromDays(365 * amount);
            }
        }

        throw SigmaException.At(node, $"timespan '{text}' is not a number and a unit (s, m, h, d), e.g. 90m");
    }

    private static SigmaLogSource ReadLogSource(YMapping root)
    {
        var node = root["logsource"] ?? throw SigmaException.At(root, "'logsource' is mandatory");
        if (node is not YMapping map)
        {
            throw SigmaException.At(node, "'logsource' must be a mapping (product, service, category)");
        }

        return new SigmaLogSource(OptionalString(map, "product"), OptionalString(map, "service"), OptionalString(map, "category"));
    }

    internal static SigmaDetection ReadDetection(YNode node, YScalar key)
    {
        if (node is not YMapping map)
        {
            throw SigmaException.At(node, "'detection' must be a mapping of search identifiers and a condition");
        }

        var searches = new List<SigmaSearch>();
        YNode? conditionNode = null;
        foreach (var (name, value) in map.Entries)
        {
            if (name.Text == "condition")
            {
                conditionNode = value;
                continue;
            }

            if (name.Text == "timeframe")
            {
                throw SigmaException.At(name, "'detection.timeframe' belongs to the obsolete aggregation syntax; write a correlation rule instead");
            }

            searches.Add(ReadSearch(name, value));
        }

        if (conditionNode is null)
        {
            throw SigmaException.At(key, $"'{key.Text}.condition' is mandatory");
        }

        var conditionTexts = conditionNode switch
        {
            YScalar { Kind: not YScalarKind.Null } s => [s],
            YSequence seq when seq.Items.Count > 0 => seq.Items.Select(i => i as YScalar ?? throw SigmaException.At(i, "a condition must be a string")).ToList(),
            _ => throw SigmaException.At(conditionNode, "'detection.condition' must be a string or a list of strings"),
        };

        var conditions = new List<SigmaCondition>();
        foreach (var text in conditionTexts)
        {
            var parsed = SigmaConditionParser.TryParse(text.Text, out var error, out var offset);
            if (parsed is null)
            {
                // Block scalars start on the next line; for the usual one-line condition the column is exact.
                throw new SigmaException(text.Line, text.Column + offset, $"condition: {error}");
            }

            CheckIdentifiers(parsed, searches, text);
            conditions.Add(parsed);
        }

        return new SigmaDetection(searches, conditions, conditionNode.Line, conditionNode.Column);
    }

    private static void CheckIdentifiers(SigmaCondition condition, List<SigmaSearch> searches, YScalar where)
    {
        switch (condition)
        {
            case SigmaCondition.Identifier id:
                if (!searches.Exists(s => s.Name == id.Name))
                {
                    throw SigmaException.At(where, $"condition: search identifier '{id.Name}' is not defined");
                }

                break;
            case SigmaCondition.Of { Pattern: { } pattern }:
                if (!searches.Exists(s => SigmaPatterns.IdentifierMatches(pattern, s.Name)))
                {
                    throw SigmaException.At(where, $"condition: no search identifier matches '{pattern}'");
                }

                break;
            case SigmaCondition.Of:
                if (!searches.Exists(s => !s.Name.StartsWith('_')))
                {
                    throw SigmaException.At(where, "condition: 'them' but no search identifier is defined");
                }

                break;
            case SigmaCondition.And and:
                CheckIdentifiers(and.Left, searches, where);
                CheckIdentifiers(and.Right, searches, where);
                break;
            case SigmaCondition.Or or:
                CheckIdentifiers(or.Left, searches, where);
                CheckIdentifiers(or.Right, searches, where);
                break;
            case SigmaCondition.Not not:
                CheckIdentifiers(not.Operand, searches, where);
                break;
        }
    }

    private static SigmaSearch ReadSearch(YScalar name, YNode value)
    {
        switch (value)
        {
            case YMapping map:
                return new SigmaSearch(name.Text, [ReadMap(map)], name.Line, name.Column);
            case YSequence seq:
                if (seq.Items.Count == 0)
                {
                    throw SigmaException.At(seq, $"search identifier '{name.Text}' is an empty list");
                }

                var alternatives = new List<IReadOnlyList<SigmaDetectionItem>>();
                var keywords = new List<SigmaValue>();
                foreach (var item in seq.Items)
                {
                    switch (item)
                    {
                        case YMapping m:
                            alternatives.Add(ReadMap(m));
                            break;
                        case YScalar s:
                            keywords.Add(ToValue(s));
                            break;
                        default:
                            throw SigmaException.At(item, $"search identifier '{name.Text}': a list holds maps or keywords, not nested lists");
                    }
                }

                if (keywords.Count > 0)
                {
                    alternatives.Add([new SigmaDetectionItem(null, [], keywords, seq.Line, seq.Column)]);
                }

                return new SigmaSearch(name.Text, alternatives, name.Line, name.Column);
            case YScalar scalar when scalar.Kind != YScalarKind.Null:
                return new SigmaSearch(name.Text, [[new SigmaDetectionItem(null, [], [ToValue(scalar)], scalar.Line, scalar.Column)]], name.Line, name.Column);
            default:
                throw SigmaException.At(value, $"search identifier '{name.Text}' must be a map, a list of maps or a list of keywords");
        }
    }

    private static List<SigmaDetectionItem> ReadMap(YMapping map)
    {
        if (map.Entries.Count == 0)
        {
            throw SigmaException.At(map, "an empty map matches nothing");
        }

        var items = new List<SigmaDetectionItem>(map.Entries.Count);
        foreach (var (key, value) in map.Entries)
        {
            var parts = key.Text.Split('|');
            var field = parts[0].Length == 0 ? null : parts[0];
            var modifiers = parts.Skip(1).ToList();
            foreach (var modifier in modifiers)
            {
                if (!KnownModifiers.Contains(modifier))
                {
                    throw SigmaException.At(key, $"unknown modifier '{modifier}' in '{key.Text}'");
                }
            }

            var values = value switch
            {
                YScalar s => [ToValue(s)],
                YSequence seq => seq.Items.Select(i => i is YScalar s ? ToValue(s) : throw SigmaException.At(i, $"'{key.Text}': values must be scalars, not nested maps or lists")).ToList(),
                _ => throw SigmaException.At(value, $"'{key.Text}': a value must be a scalar or a list of scalars"),
            };
            if (values.Count == 0)
            {
                throw SigmaException.At(value, $"'{key.Text}': an empty list of values matches nothing");
            }

            if (values.Count > 1 && values.Exists(v => v.Kind == SigmaValueKind.Null))
            {
                throw SigmaException.At(value, $"'{key.Text}': null cannot be part of a list of values (spec: Special Field Values); use its own selection");
            }

            items.Add(new SigmaDetectionItem(field, modifiers, values, key.Line, key.Column));
        }

        return items;
    }

    private static SigmaValue ToValue(YScalar s) => new(
        s.Kind switch
        {
            YScalarKind.String => SigmaValueKind.Text,
            YScalarKind.Number => SigmaValueKind.Number,
            YScalarKind.Boolean => SigmaValueKind.Logical,
            YScalarKind.Null => SigmaValueKind.Null,
        },
        s.Text,
        s.Line,
        s.Column);

    private static string RequiredString(YMapping map, string key)
    {
        var node = map[key] ?? throw SigmaException.At(map, $"'{key}' is mandatory");
        var text = ScalarText(node, key);
        return text.Length == 0 ? throw SigmaException.At(node, $"'{key}' is empty") : text;
    }

    private static string? OptionalString(YMapping map, string key) =>
        map[key] is { } node && node is not YScalar { Kind: YScalarKind.Null } ? ScalarText(node, key) : null;

    private static string ScalarText(YNode node, string what) =>
        node is YScalar s ? s.Text : throw SigmaException.At(node, $"'{what}' must be a single value");

    private static List<string> StringList(YNode? node) => node switch
    {
        null or YScalar { Kind: YScalarKind.Null } => [],
        YScalar s => [s.Text],
        YSequence seq => seq.Items.Select(i => ScalarText(i, "list item")).ToList(),
        _ => throw SigmaException.At(node, "a list of values expected"),
    };
}
