using System.Runtime.InteropServices;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// Finds footholds after a password reset. Feed it every event (<see cref="Add(AuditEvent)"/>, in any order,
/// from any number of files); it runs the built-in rules and any supplied rules over each, keeps the
/// records that matched, and tallies which addresses and apps each account used. Then
/// <see cref="AnalyzeAsync"/> orders what it kept in time, replays footholds as state (created,
/// removed), finds each account's compromise window and last reset, classifies every foothold, and
/// writes the plan. Not thread-safe: one analyzer per audit.
/// </summary>
public sealed partial class FootholdAnalyzer
{
    private readonly FootholdAnalyzerOptions _options;
    private readonly SigmaEvaluator _builtIn;
    private readonly SigmaEvaluator? _supplied;
    private readonly List<SigmaMatch> _found = [];
    private readonly List<CompiledRule> _hits = [];
    private readonly EventRecord _own = new();
    private readonly List<KeptMatch> _kept = [];
    private readonly Dictionary<SigmaDocument, RuleRole> _roles = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AccessKey, AccessTally> _access = [];
    private Dictionary<string, (AccessKey Key, AccessTally Tally)[]>? _accessByAccount;
    private readonly HashSet<string> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _lowerAccounts = new(StringComparer.Ordinal);

    /// <param name="supplied">Rules given by the user (SigmaHQ's cloud rules, say): their matches are findings.</param>
    public FootholdAnalyzer(SigmaRuleSet? supplied = null, FootholdAnalyzerOptions? options = null, SigmaRuleSet? builtIn = null)
    {
        _options = options ?? new FootholdAnalyzerOptions();
        _builtIn = (builtIn ?? BuiltInFootholdRules.RuleSet).CreateEvaluator();
        _supplied = supplied?.CreateEvaluator();
    }

    /// <summary>Events given, including those before <see cref="FootholdAnalyzerOptions.Since"/>.</summary>
    public long Events { get; private set; }

    /// <summary>Matches not kept because <see cref="FootholdAnalyzerOptions.MaxKeptMatches"/> was reached.</summary>
    public long DroppedMatches { get; private set; }

    /// <summary>Rule tests performed (events × the rules their logsource selects), built-in and supplied.</summary>
    public long RulesTested => _builtIn.RulesTested + (_supplied?.RulesTested ?? 0);

    public void Add(AuditEvent auditEvent) => Add(auditEvent, null);

    /// <summary>Adds an event; <paramref name="record"/> is the event as the reader indexed it (else its bytes are indexed here).</summary>
    internal void Add(AuditEvent auditEvent, EventRecord? record)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        Events++;
        if (_options.Since is { } since && auditEvent.Timestamp is { } at && at < since)
        {
            return;
        }

        if (record is null)
        {
            _own.Load(auditEvent.Json);
            record = _own;
        }

        var source = new SigmaLogSource(auditEvent.Logsource.Product, auditEvent.Logsource.Service, auditEvent.Logsource.Category);
        var time = auditEvent.Timestamp ?? DateTimeOffset.UnixEpoch;
        _found.Clear();
        Evaluate(_builtIn, source, record, auditEvent, time);
        if (_supplied is not null)
        {
            Evaluate(_supplied, source, record, auditEvent, time);
        }

        foreach (var match in _found)
        {
            Keep(auditEvent, match.Rule);
        }

        Tally(auditEvent);
    }

    /// <summary>Rules first, from the bytes; the event becomes a document only when one matched (its correlations read it).</summary>
    private void Evaluate(SigmaEvaluator evaluator, SigmaLogSource source, EventRecord record, AuditEvent auditEvent, DateTimeOffset time)
    {
        _hits.Clear();
        evaluator.MatchRules(source, record, _hits);
        if (_hits.Count > 0)
        {
            evaluator.Complete(CollectionsMarshal.AsSpan(_hits), auditEvent.Data, time, _found);
        }
    }

    private void Keep(AuditEvent auditEvent, SigmaDocument rule)
    {
        if (_kept.Count >= _options.MaxKeptMatches)
        {
            DroppedMatches++;
            return;
        }

        if (!_roles.TryGetValue(rule, out var role))
        {
            role = _roles[rule] = RuleRole.Of(rule);
        }

        _kept.Add(new KeptMatch(auditEvent, rule, role, _kept.Count));
    }

    /// <summary>
    /// Successful records only: a failed sign-in from an intruder's address is targeting, not access.
    /// Runs for every event, so the account's lower-case form is looked up, not made, each time.
    /// </summary>
    private void Tally(AuditEvent auditEvent)
    {
        if (auditEvent.Account is not { } account || auditEvent.Result == AuditResult.Failure)
        {
            return;
        }

        if (!_lowerAccounts.TryGetValue(account, out var lower))
        {
            lower = _lowerAccounts[account] = account.ToLowerInvariant();
            if (account.Contains('@', StringComparison.Ordinal))
            {
                _accounts.Add(account);
            }
        }

        var app = EventFields.AppId(auditEvent);
        var clientIp = auditEvent.ClientIp?.ToString();
        if (clientIp is not null)
        {
            Count(new AccessKey(lower, "ip", clientIp), auditEvent, clientIp, app);
        }

        if (app is not null)
        {
            Count(new AccessKey(lower, "app", app.ToLowerInvariant()), auditEvent, clientIp, app);
        }
    }

    private void Count(AccessKey key, AuditEvent auditEvent, string? clientIp, string? app)
    {
        if (_access.TryGetValue(key, out var tally))
        {
            tally.Add(auditEvent, clientIp, app);
        }
        else if (_access.Count < _options.MaxAccessKeys)
        {
            _access[key] = new AccessTally(AccessSighting.Of(auditEvent, clientIp, app));
        }
    }
}
