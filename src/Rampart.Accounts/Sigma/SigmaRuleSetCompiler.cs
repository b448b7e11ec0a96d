namespace Rampart.Accounts.Sigma;

/// <summary>
/// Builds a <see cref="SigmaRuleSet"/>: compiles each rule with the filters that name it, resolves
/// correlations to the rules and correlations they reference (by id or name), and reports
/// whatever cannot be compiled with its file, line and reason.
/// </summary>
internal static class SigmaRuleSetCompiler
{
    public static SigmaRuleSet Compile(List<SigmaDocument> documents, SigmaCompileOptions options)
    {
        var errors = new List<SigmaLoadError>();
        var slots = new FieldSlots(options.FieldAliases);
        var values = new SigmaValueCompiler(options, slots);
        var filters = documents.OfType<SigmaFilterRule>().ToList();
        var rules = new List<CompiledRule>();

        foreach (var rule in documents.OfType<SigmaRule>())
        {
            try
            {
                var detection = SigmaDetectionCompiler.Compile(rule.Detection, rule.LogSource, values);
                var root = detection.Root;
                foreach (var filter in filters.Where(f => Applies(f, rule)))
                {
                    try
                    {
                        root = new AndNode([root, SigmaDetectionCompiler.Compile(filter.Detection, rule.LogSource, values).Root]);
                    }
                    catch (SigmaException ex)
                    {
                        errors.Add(new SigmaLoadError(filter.File, ex.Line, ex.Column, ex.Message));
                    }
                }

                rules.Add(new CompiledRule(rule, detection, root));
            }
            catch (SigmaException ex)
            {
                errors.Add(new SigmaLoadError(rule.File, ex.Line, ex.Column, ex.Message));
            }
        }

        var plans = CompileCorrelations(documents.OfType<SigmaCorrelationRule>().ToList(), rules, options, errors);
        return new SigmaRuleSet(rules, plans, errors, slots.ToArray(), options);
    }

    /// <summary>As pySigma: a filter applies to the rules it names (or all, with <c>rules: any</c>) whose log source it covers.</summary>
    private static bool Applies(SigmaFilterRule filter, SigmaRule rule) =>
        filter.LogSource.Covers(rule.LogSource) && (filter.AppliesToAny || filter.Rules.Any(rule.IsReferencedBy));

    private static List<CorrelationPlan> CompileCorrelations(List<SigmaCorrelationRule> correlations, List<CompiledRule> rules, SigmaCompileOptions options, List<SigmaLoadError> errors)
    {
        // Drop correlations whose references cannot be resolved, repeatedly: dropping one may orphan another.
        var alive = new List<SigmaCorrelationRule>(correlations);
        var reasons = new Dictionary<SigmaCorrelationRule, string>();
        bool changed;
        do
        {
            changed = false;
            foreach (var correlation in alive.ToList())
            {
                foreach (var reference in correlation.Rules)
                {
                    var isRule = rules.Exists(r => r.Rule.IsReferencedBy(reference));
                    var isCorrelation = alive.Exists(c => c != correlation && c.IsReferencedBy(reference));
                    if (!isRule && !isCorrelation)
                    {
                        reasons[correlation] = $"correlation '{correlation.Title}' references '{reference}', which is not a loaded rule or correlation";
                        alive.Remove(correlation);
                        changed = true;
                        break;
                    }
                }
            }
        }
        while (changed);

        foreach (var cyclic in alive.Where(c => ReachesItself(c, alive)).ToList())
        {
            reasons[cyclic] = $"correlation '{cyclic.Title}' references itself through its rules";
            alive.Remove(cyclic);
        }

        foreach (var (correlation, reason) in reasons)
        {
            errors.Add(new SigmaLoadError(correlation.File, correlation.Line, 1, reason));
        }

        var plans = new List<CorrelationPlan>();
        foreach (var correlation in alive)
        {
            var groupPaths = new FieldPath[correlation.Rules.Count][][];
            var valuePaths = correlation.Field is null ? [] : new FieldPath[correlation.Rules.Count][];
            for (var position = 0; position < correlation.Rules.Count; position++)
            {
                var reference = correlation.Rules[position];
                var rule = rules.Find(r => r.Rule.IsReferencedBy(reference))?.Rule;
                var source = rule?.LogSource ?? default;
                var name = rule?.Name ?? alive.Find(c => c.IsReferencedBy(reference))?.Name ?? reference;
                groupPaths[position] = [.. correlation.GroupBy.Select(g => Paths(FieldIn(correlation, g, name, reference), source, options))];
                if (correlation.Field is not null)
                {
                    valuePaths[position] = Paths(correlation.Field, source, options);
                }
            }

            plans.Add(new CorrelationPlan(correlation, groupPaths, valuePaths));
        }

        for (var index = 0; index < plans.Count; index++)
        {
            var plan = plans[index];
            for (var position = 0; position < plan.Rule.Rules.Count; position++)
            {
                var reference = plan.Rule.Rules[position];
                foreach (var rule in rules.Where(r => r.Rule.IsReferencedBy(reference)))
                {
                    rule.Feeds.Add((index, position));
                    rule.Reports &= plan.Rule.Generate;
                }

                foreach (var inner in plans.Where(p => p != plan && p.Rule.IsReferencedBy(reference)))
                {
                    inner.Feeds.Add((index, position));
                    inner.Reports &= plan.Rule.Generate;
                }
            }
        }

        return plans;
    }

    /// <summary>The field a group-by name means in one input: its alias for that rule's name, else itself.</summary>
    private static string FieldIn(SigmaCorrelationRule correlation, string groupBy, string name, string reference) =>
        correlation.Aliases.TryGetValue(groupBy, out var perRule) && (perRule.TryGetValue(name, out var field) || perRule.TryGetValue(reference, out field))
            ? field
            : groupBy;

    private static FieldPath[] Paths(string field, SigmaLogSource source, SigmaCompileOptions options) =>
        [.. FieldPath.CandidatesFor(field, options.FieldAliases.PathsFor(source, field))];

    private static bool ReachesItself(SigmaCorrelationRule start, List<SigmaCorrelationRule> all)
    {
        var seen = new HashSet<SigmaCorrelationRule>();
        var stack = new Stack<SigmaCorrelationRule>([start]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            foreach (var reference in current.Rules)
            {
                foreach (var next in all.Where(c => c.IsReferencedBy(reference)))
                {
                    if (next == start)
                    {
                        return true;
                    }

                    if (seen.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Each evaluator's own correlation instances (state), wired to each other as the plans say.</summary>
    public static CompiledCorrelation[] BindCorrelations(SigmaRuleSet set)
    {
        var instances = set.Plans.Select(p => new CompiledCorrelation(p, set.Options)).ToArray();
        for (var i = 0; i < instances.Length; i++)
        {
            foreach (var (parent, position) in set.Plans[i].Feeds)
            {
                instances[i].Feeds.Add((instances[parent], position));
            }
        }

        return instances;
    }
}
