namespace Rampart.Accounts.Sigma;

/// <summary>Compiles a detection's searches and condition into one node tree.</summary>
internal static class SigmaDetectionCompiler
{
    public static CompiledDetection Compile(SigmaDetection detection, SigmaLogSource ruleSource, SigmaValueCompiler values)
    {
        var items = new List<(SigmaDetectionItem, SigmaNode)>();
        var searches = new Dictionary<string, SigmaNode>(StringComparer.Ordinal);
        foreach (var search in detection.Searches)
        {
            var alternatives = new List<SigmaNode>();
            foreach (var alternative in search.Alternatives)
            {
                var nodes = new List<SigmaNode>();
                foreach (var item in alternative)
                {
                    var node = values.Compile(item, ruleSource);
                    items.Add((item, node));
                    nodes.Add(node);
                }

                alternatives.Add(nodes.Count == 1 ? nodes[0] : new AndNode([.. nodes]));
            }

            searches[search.Name] = alternatives.Count == 1 ? alternatives[0] : new OrNode([.. alternatives]);
        }

        var conditions = detection.Conditions.Select(c => CompileCondition(c, detection, searches)).ToArray();
        return new CompiledDetection(conditions.Length == 1 ? conditions[0] : new OrNode(conditions), items);
    }

    private static SigmaNode CompileCondition(SigmaCondition condition, SigmaDetection detection, Dictionary<string, SigmaNode> searches) => condition switch
    {
        SigmaCondition.Identifier id => searches[id.Name],
        SigmaCondition.And and => new AndNode([CompileCondition(and.Left, detection, searches), CompileCondition(and.Right, detection, searches)]),
        SigmaCondition.Or or => new OrNode([CompileCondition(or.Left, detection, searches), CompileCondition(or.Right, detection, searches)]),
        SigmaCondition.Not not => new NotNode(CompileCondition(not.Operand, detection, searches)),
        SigmaCondition.Of of => Of(of, detection, searches),
        _ => throw new InvalidOperationException("unknown condition node"),
    };

    private static SigmaNode Of(SigmaCondition.Of of, SigmaDetection detection, Dictionary<string, SigmaNode> searches)
    {
        // 'them' excludes identifiers starting with '_' (spec: Condition).
        var selected = detection.Searches
            .Where(s => of.Pattern is null ? !s.Name.StartsWith('_') : SigmaPatterns.IdentifierMatches(of.Pattern, s.Name))
            .Select(s => searches[s.Name])
            .ToArray();
        return selected.Length == 1 ? selected[0] : of.All ? new AndNode(selected) : new OrNode(selected);
    }
}
