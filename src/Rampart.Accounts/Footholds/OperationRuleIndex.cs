using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// The rules of a set that an event can match, by the value of the field their gates test (the
/// operation; <see cref="RuleGate"/>): the set indexes rules by log source, and within one the
/// built-in rules each want one or two operations, so most of them were tested, and failed, on every
/// record (14.6 of 24.6 rule tests per record of an audit, over 1M UAL/Entra records). One per
/// thread; the subsets are made once per operation and kept in the set's order, so matches come in
/// the same order as when every rule is tested.
/// </summary>
internal sealed class OperationRuleIndex(SigmaRuleSet rules)
{
    /// <summary>Longer values are not looked up (every rule of the log source is tested): no operation name comes near.</summary>
    internal const int MaxValueChars = 256;

    /// <summary>Distinct values remembered per log source; past this the subset is made each time.</summary>
    private const int MaxValues = 4096;

    private readonly Dictionary<SigmaLogSource, Source> _sources = new(LogSourceComparer.Instance);
    // The log source of the record before: records of one source come in runs, and its key (three
    // strings compared ignoring case) cost more to hash than the rest of the look-up.
    private (SigmaLogSource Key, Source Index)? _last;

    /// <summary>The rules <paramref name="record"/> of <paramref name="source"/> can match, in the set's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CompiledRule[] RulesFor(SigmaLogSource source, EventRecord record)
    {
        Source index;
        if (_last is { } last && last.Key == source)
        {
            index = last.Index;
        }
        else
        {
            if (!_sources.TryGetValue(source, out index!))
            {
                index = _sources[source] = Source.Of(rules.RulesFor(source), rules.Options.FieldAliases);
            }

            _last = (source, index);
        }

        if (index.Others.Length > 0)
        {
            return index.RulesFor(record);
        }

        if (index.Field is null || !record.TryGet(index.Field, out var value) || value.Kind != JsonTokenType.String || RawJson.MaxChars(value) > MaxValueChars)
        {
            return index.All;
        }

        // The same bytes select the same rules: most records' operation is found by its bytes, without
        // decoding it and hashing it ignoring case.
        var raw = record.Utf8.Slice(value.Start, value.Length);
        if (index.ByBytes.TryGetValue(raw, out var known))
        {
            return known;
        }

        var selected = Select(index, record, value);
        if (index.ByBytes.Count < MaxValues)
        {
            index.ByBytes.Add(raw, selected);
        }

        return selected;
    }

    private static CompiledRule[] Select(Source index, EventRecord record, RawValue value)
    {
        Span<char> buffer = stackalloc char[MaxValueChars];
        var text = buffer[..RawJson.Decode(record.Utf8, value, buffer)];
        var known = index.ByValue.GetAlternateLookup<ReadOnlySpan<char>>();
        if (known.TryGetValue(text, out var subset))
        {
            return subset;
        }

        subset = index.Select(text);
        if (index.ByValue.Count < MaxValues)
        {
            index.ByValue[text.ToString()] = subset;
        }

        return subset;
    }

    /// <param name="Field">The field most rules' gates test; null when none has a gate.</param>
    /// <param name="Gates">Each rule's gate on <paramref name="Field"/>, by position in <paramref name="All"/>; null for a rule tested on every record.</param>
    /// <param name="Others">The log source's other gate fields (up to <see cref="FieldGates.MaxFields"/> in all, by the rules they gate), when there are any and the rules fit <see cref="FieldGates.MaxRules"/>: then every field's value selects (<see cref="FieldGates"/>).</param>
    private sealed record Source(CompiledRule[] All, string? Field, RuleGate?[] Gates, string[] Others)
    {
        /// <summary>Case ignored, as the gates compare: two spellings of one operation select the same rules.</summary>
        public Dictionary<string, CompiledRule[]> ByValue { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The subsets by the value's raw bytes (quoted, as the record spells them).</summary>
        public ByteKeyedTable<CompiledRule[]> ByBytes { get; } = new();

        /// <summary>The selection by several fields, when the log source's rules gate on more than one.</summary>
        private FieldGates? Multi { get; init; }

        public static Source Of(CompiledRule[] all, SigmaFieldAliases aliases)
        {
            var gates = all.Select(r => RuleGate.Of(r.Rule, aliases)).ToArray();
            var fields = gates.OfType<RuleGate>().GroupBy(g => g.Field, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).Take(FieldGates.MaxFields).ToArray();
            var field = fields.FirstOrDefault();
            // More rules than a mask holds: the most common field alone selects, as for one field.
            var several = fields.Length > 1 && all.Length <= FieldGates.MaxRules;
            var source = new Source(all, field, [.. gates.Select(g => g is not null && string.Equals(g.Field, field, StringComparison.OrdinalIgnoreCase) ? g : null)], several ? fields[1..] : []);
            return several ? source with { Multi = new FieldGates(all, fields, gates) } : source;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public CompiledRule[] RulesFor(EventRecord record) => Multi!.RulesFor(record);

        public CompiledRule[] Select(ReadOnlySpan<char> text)
        {
            var subset = new List<CompiledRule>();
            for (var i = 0; i < All.Length; i++)
            {
                if (Gates[i] is not { } gate || gate.Admits(text))
                {
                    subset.Add(All[i]);
                }
            }

            return [.. subset];
        }
    }
}
