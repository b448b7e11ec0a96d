using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Runs a <see cref="SigmaRuleSet"/> over events, one at a time. Holds the per-event field cache and
/// the correlation state, so it is not thread-safe: create one per thread. Evaluating an event
/// allocates nothing unless a rule matches (a match that feeds a correlation builds its group key).
/// </summary>
public sealed class SigmaEvaluator
{
    private readonly SigmaRuleSet _set;
    private readonly SigmaEventContext _context;
    private readonly CompiledCorrelation[] _correlations;
    private readonly List<CompiledRule> _hits = [];
    private readonly EventRecord _record = new();

    internal SigmaEvaluator(SigmaRuleSet set)
    {
        _set = set;
        _context = new SigmaEventContext(set.Slots);
        _correlations = SigmaRuleSetCompiler.BindCorrelations(set);
    }

    /// <summary>Rule tests performed so far (events × rules their log source selects).</summary>
    public long RulesTested { get; private set; }

    /// <summary>Correlation groups currently held, over all correlations.</summary>
    public int CorrelationGroups => _correlations.Sum(c => c.GroupCount);

    /// <summary>
    /// Tests one event, whose log source the reader declared, against the rules that apply to it,
    /// and appends what matched (rules, then correlations they completed) to <paramref name="matches"/>.
    /// <paramref name="timestamp"/> places the event in correlation windows. Returns the number appended.
    /// </summary>
    public int Evaluate(SigmaLogSource source, JsonElement data, DateTimeOffset timestamp, List<SigmaMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        _hits.Clear();
        MatchRules(source, data, _hits);
        return Complete(CollectionsMarshal.AsSpan(_hits), _context.Record, timestamp, matches);
    }

    /// <summary>
    /// The stateless half of <see cref="Evaluate"/>: appends the rules that match the event to
    /// <paramref name="hits"/>, touching no correlation state, so several evaluators can run it on
    /// several threads while one evaluator <see cref="Complete(ReadOnlySpan{CompiledRule}, EventRecord, DateTimeOffset, List{SigmaMatch})"/>s the events in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void MatchRules(SigmaLogSource source, JsonElement data, List<CompiledRule> hits)
    {
        _context.Reset(data);
        MatchRules(source, hits);
    }

    /// <summary><see cref="MatchRules(SigmaLogSource, JsonElement, List{CompiledRule})"/> over a record the reader indexed as it wrote it: no second pass over the bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void MatchRules(SigmaLogSource source, EventRecord record, List<CompiledRule> hits)
    {
        _context.Reset(record);
        MatchRules(source, hits);
    }

    /// <summary>
    /// <see cref="MatchRules(SigmaLogSource, EventRecord, List{CompiledRule})"/> over some of the rules the set
    /// selects for the event's log source, in the set's order: for a caller that indexes them further
    /// (the built-in foothold rules, by operation) and passes only those that can match.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void MatchRules(ReadOnlySpan<CompiledRule> rules, EventRecord record, List<CompiledRule> hits)
    {
        _context.Reset(record);
        RulesTested += rules.Length;
        foreach (var rule in rules)
        {
            if (rule.Root.Evaluate(_context))
            {
                hits.Add(rule);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MatchRules(SigmaLogSource source, List<CompiledRule> hits)
    {
        var rules = _set.RulesFor(source);
        RulesTested += rules.Length;
        foreach (var rule in rules)
        {
            if (rule.Root.Evaluate(_context))
            {
                hits.Add(rule);
            }
        }
    }

    /// <summary>
    /// <see cref="Complete(ReadOnlySpan{CompiledRule}, EventRecord, DateTimeOffset, List{SigmaMatch})"/> for an
    /// event held as a document: it is indexed only when a rule it matched feeds a correlation.
    /// </summary>
    internal int Complete(ReadOnlySpan<CompiledRule> hits, JsonElement data, DateTimeOffset timestamp, List<SigmaMatch> matches) =>
        Complete(hits, FeedsCorrelation(hits) && data.ValueKind == JsonValueKind.Object ? JsonMarshal.GetRawUtf8Value(data) : "{}"u8, timestamp, matches);

    /// <summary>The same for an event held as the UTF-8 bytes of its JSON object.</summary>
    internal int Complete(ReadOnlySpan<CompiledRule> hits, ReadOnlySpan<byte> json, DateTimeOffset timestamp, List<SigmaMatch> matches)
    {
        if (FeedsCorrelation(hits))
        {
            _record.Load(json);
        }

        return Complete(hits, _record, timestamp, matches);
    }

    private static bool FeedsCorrelation(ReadOnlySpan<CompiledRule> hits)
    {
        foreach (var rule in hits)
        {
            if (rule.Feeds.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stateful half of <see cref="Evaluate"/>: reports the rules that matched and feeds the correlations they belong to (their fields read from <paramref name="record"/>); call it in event order.</summary>
    internal int Complete(ReadOnlySpan<CompiledRule> hits, EventRecord record, DateTimeOffset timestamp, List<SigmaMatch> matches)
    {
        var before = matches.Count;
        foreach (var rule in hits)
        {
            if (rule.Reports)
            {
                matches.Add(new SigmaMatch(rule.Rule, timestamp, null));
            }

            foreach (var (correlation, position) in rule.Feeds)
            {
                _correlations[correlation].Add(position, record, timestamp, matches);
            }
        }

        return matches.Count - before;
    }

    /// <summary>Forgets all correlation state; replaying the same events rebuilds it exactly.</summary>
    public void ResetCorrelations()
    {
        foreach (var correlation in _correlations)
        {
            correlation.Reset();
        }
    }
}
