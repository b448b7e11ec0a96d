using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// The part of an audit that runs on the reading threads, one per thread: tests each event against
/// the built-in and the supplied rules and keeps the record of an event that matched (the analysis
/// reads its fields later). Correlations, tallies and what is kept stay with the analyzer, in file order.
/// </summary>
internal sealed class FootholdMatchWorker(SigmaRuleSet builtIn, SigmaRuleSet? supplied, DateTimeOffset? since)
{
    private readonly SigmaEvaluator _builtIn = builtIn.CreateEvaluator();
    private readonly SigmaEvaluator? _supplied = supplied?.CreateEvaluator();
    private readonly List<CompiledRule> _hits = [];

    public long RulesTested => _builtIn.RulesTested + (_supplied?.RulesTested ?? 0);

    /// <summary>The built-in and the supplied rules <paramref name="auditEvent"/> matches (none allocated when none match).</summary>
    public (CompiledRule[] BuiltIn, CompiledRule[] Supplied) Match(AuditEvent auditEvent, EventRecord record)
    {
        if (since is { } from && auditEvent.Timestamp is { } at && at < from)
        {
            return ([], []);
        }

        var source = new SigmaLogSource(auditEvent.Logsource.Product, auditEvent.Logsource.Service, auditEvent.Logsource.Category);
        var builtInHits = Match(_builtIn, source, record);
        var suppliedHits = _supplied is null ? [] : Match(_supplied, source, record);
        if (builtInHits.Length > 0 || suppliedHits.Length > 0)
        {
            auditEvent.Keep(record);
        }

        return (builtInHits, suppliedHits);
    }

    private CompiledRule[] Match(SigmaEvaluator evaluator, SigmaLogSource source, EventRecord record)
    {
        _hits.Clear();
        evaluator.MatchRules(source, record, _hits);
        return _hits.Count == 0 ? [] : [.. _hits];
    }
}
