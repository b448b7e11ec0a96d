using System.Collections.Concurrent;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// An immutable, compiled set of Sigma rules, correlations and filters: build it off the hot path,
/// share it between threads, and give each thread its own <see cref="SigmaEvaluator"/>.
/// <code>
/// var loaded = SigmaLoader.LoadDirectory("rules/");            // parse; errors carry file:line
/// var set = SigmaRuleSet.Compile(loaded.Documents);             // compile; set.Errors likewise
/// var evaluator = set.CreateEvaluator();                        // one per thread
/// evaluator.Evaluate(new SigmaLogSource("m365", "exchange", null), json, time, matches);
/// </code>
/// Rules are indexed by log source: an event is tested only against the rules whose log source
/// covers the event's (<see cref="RulesFor"/>).
/// </summary>
public sealed class SigmaRuleSet
{
    private readonly ConcurrentDictionary<SigmaLogSource, CompiledRule[]> _bySource = new(LogSourceComparer.Instance);

    internal SigmaRuleSet(IReadOnlyList<CompiledRule> rules, IReadOnlyList<CorrelationPlan> correlations, IReadOnlyList<SigmaLoadError> errors, FieldPath[][] slots, SigmaCompileOptions options)
    {
        CompiledRules = rules;
        Plans = correlations;
        Errors = errors;
        Slots = slots;
        Options = options;
    }

    /// <summary>Documents that could not be compiled, with file, line and reason.</summary>
    public IReadOnlyList<SigmaLoadError> Errors { get; }

    public IEnumerable<SigmaRule> Rules => CompiledRules.Select(r => r.Rule);

    public IEnumerable<SigmaCorrelationRule> Correlations => Plans.Select(p => p.Rule);

    public int Count => CompiledRules.Count;

    internal IReadOnlyList<CompiledRule> CompiledRules { get; }

    internal IReadOnlyList<CorrelationPlan> Plans { get; }

    internal FieldPath[][] Slots { get; }

    internal SigmaCompileOptions Options { get; }

    public static SigmaRuleSet Compile(IEnumerable<SigmaDocument> documents, SigmaCompileOptions? options = null) =>
        SigmaRuleSetCompiler.Compile([.. documents], options ?? SigmaCompileOptions.Default);

    /// <summary>A new evaluator with its own buffers and correlation state; not thread-safe, one per thread.</summary>
    public SigmaEvaluator CreateEvaluator() => new(this);

    /// <summary>How many rules an event of <paramref name="source"/> is tested against.</summary>
    public int RuleCountFor(SigmaLogSource source) => RulesFor(source).Length;

    internal CompiledRule[] RulesFor(SigmaLogSource source) =>
        _bySource.TryGetValue(source, out var rules) ? rules : _bySource.GetOrAdd(source, s => [.. CompiledRules.Where(r => r.Rule.LogSource.Covers(s))]);

    /// <summary>
    /// Why <paramref name="rule"/> matches (or not) <paramref name="data"/>: each detection item with
    /// whether it matched on its own. For <c>rules test</c>; allocates, so not for the hot path.
    /// </summary>
    public IReadOnlyList<(SigmaDetectionItem Item, bool Matched)> Explain(SigmaRule rule, JsonElement data)
    {
        var compiled = CompiledRules.FirstOrDefault(r => ReferenceEquals(r.Rule, rule)) ?? throw new ArgumentException("the rule is not in this set", nameof(rule));
        var context = new SigmaEventContext(Slots);
        context.Reset(data);
        return [.. compiled.Detection.Items.Select(i => (i.Item, i.Node.Evaluate(context)))];
    }
}
