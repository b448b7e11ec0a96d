using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// The part of an audit that runs on the reading threads, one per thread: tests each event against
/// the built-in and the supplied rules, keeps the record of an event that matched (the analysis
/// reads its fields later), and reads the session and token ids every event may carry. Correlations,
/// tallies and what is kept stay with the analyzer, in file order.
/// </summary>
internal sealed class FootholdMatchWorker(SigmaRuleSet builtIn, SigmaRuleSet? supplied, DateTimeOffset? since)
{
    private static readonly byte[] AadSessionId = Encoding.UTF8.GetBytes("AADSessionId");
    private static readonly byte[] UniqueTokenId = Encoding.UTF8.GetBytes("UniqueTokenId");

    private readonly SigmaEvaluator _builtIn = builtIn.CreateEvaluator();
    private readonly OperationRuleIndex _builtInByOperation = new(builtIn);
    private readonly SigmaEvaluator? _supplied = supplied?.CreateEvaluator();
    private readonly OperationRuleIndex? _suppliedByOperation = supplied is null ? null : new(supplied);
    private readonly List<CompiledRule> _hits = [];
    private const int MaxStackChars = 256;

    public long RulesTested => _builtIn.RulesTested + (_supplied?.RulesTested ?? 0);

    /// <summary>
    /// The built-in and the supplied rules <paramref name="auditEvent"/> matches (none allocated when none
    /// match), and its session and token ids. The built-ins are tested only when the record's operation is
    /// one they select (<see cref="OperationRuleIndex"/>), and so are the supplied rules (SigmaHQ's select an
    /// operation too, mostly; a rule without a certain gate is tested on every record of its log source).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FootholdMatches Match(AuditEvent auditEvent, EventRecord record)
    {
        if (since is { } from && auditEvent.Timestamp is { } at && at < from)
        {
            return FootholdMatches.None;
        }

        var source = new SigmaLogSource(auditEvent.Logsource.Product, auditEvent.Logsource.Service, auditEvent.Logsource.Category);
        _hits.Clear();
        _builtIn.MatchRules(_builtInByOperation.RulesFor(source, record), record, _hits);
        CompiledRule[] builtInHits = _hits.Count == 0 ? [] : [.. _hits];
        var suppliedHits = _supplied is null ? [] : Match(_supplied, _suppliedByOperation!.RulesFor(source, record), record);
        if (builtInHits.Length > 0 || suppliedHits.Length > 0)
        {
            auditEvent.Keep(record);
        }

        return new FootholdMatches(builtInHits, suppliedHits, Ids(record));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CompiledRule[] Match(SigmaEvaluator evaluator, ReadOnlySpan<CompiledRule> rules, EventRecord record)
    {
        _hits.Clear();
        evaluator.MatchRules(rules, record, _hits);
        return _hits.Count == 0 ? [] : [.. _hits];
    }

    /// <summary>Top-level names are found ignoring case (Graph's <c>sessionId</c>, Sentinel's and the UAL's <c>SessionId</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static AccessIds Ids(EventRecord record)
    {
        var buffer = record.Utf8;
        var session = record.TryGet("SessionId", out var value) ? Id(buffer, value) : AccessId.None;
        var token = record.TryGet("uniqueTokenIdentifier", out value) ? Id(buffer, value) : AccessId.None;
        var entraSession = AccessId.None;
        if (record.TryGet("AppAccessContext", out var context) && context.Kind == JsonTokenType.StartObject)
        {
            entraSession = RawJson.TryGetMember(buffer, context, AadSessionId, "AADSessionId", out value) ? Id(buffer, value) : AccessId.None;
            if (!token.HasValue && RawJson.TryGetMember(buffer, context, UniqueTokenId, "UniqueTokenId", out value))
            {
                token = Id(buffer, value);
            }
        }

        return new AccessIds(session, entraSession == session ? AccessId.None : entraSession, token);
    }

    /// <summary>A string id (<see cref="AccessId.Of"/>), decoded on the stack: most records' ids make no string.</summary>
    private static AccessId Id(ReadOnlySpan<byte> buffer, RawValue value)
    {
        if (value.Kind != JsonTokenType.String)
        {
            return AccessId.None;
        }

        if (RawJson.MaxChars(value) > MaxStackChars)
        {
            return AccessId.Of(RawJson.Text(buffer, value));
        }

        Span<char> text = stackalloc char[MaxStackChars];
        return AccessId.Of(text[..RawJson.Decode(buffer, value, text)]);
    }
}
