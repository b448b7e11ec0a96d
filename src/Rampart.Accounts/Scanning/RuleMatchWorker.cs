using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Scanning;

/// <summary>
/// The part of a scan that runs beside the reading, one per reading thread: tests each event
/// against the rules of its logsource and hands back the rules that matched. Correlations and
/// tallies stay with the scanner, which takes the events in file order.
/// </summary>
internal sealed class RuleMatchWorker(SigmaRuleSet rules, DateTimeOffset? since)
{
    private readonly SigmaEvaluator _evaluator = rules.CreateEvaluator();
    private readonly List<CompiledRule> _hits = [];
    private readonly EventRecord _own = new();

    /// <summary>Rule tests this worker performed: events × the rules their logsource selects.</summary>
    public long RulesTested => _evaluator.RulesTested;

    /// <summary>
    /// The rules <paramref name="auditEvent"/> matches (none allocated when none match); none for an
    /// event before <c>since</c>. <paramref name="record"/> is the event as the reader indexed it; without
    /// it the event's bytes are indexed here.
    /// </summary>
    public CompiledRule[] Match(AuditEvent auditEvent, EventRecord? record)
    {
        if (since is { } from && auditEvent.Timestamp is { } at && at < from)
        {
            return [];
        }

        _hits.Clear();
        var logsource = auditEvent.Logsource;
        if (record is null)
        {
            _own.Load(auditEvent.Json);
            record = _own;
        }

        _evaluator.MatchRules(new SigmaLogSource(logsource.Product, logsource.Service, logsource.Category), record, _hits);
        if (_hits.Count == 0)
        {
            return [];
        }

        // The scanner reports a match with its record, and correlations read their fields from it.
        auditEvent.Keep(record);
        return [.. _hits];
    }
}
