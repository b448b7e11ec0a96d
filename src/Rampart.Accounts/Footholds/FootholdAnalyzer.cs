using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Rampart.Accounts.AuditLogs;
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
    private readonly EventRecord _own = new();
    private readonly SigmaRuleSet _builtInRules;
    private readonly SigmaRuleSet? _suppliedRules;
    private readonly List<FootholdMatchWorker> _workers = [];
    private FootholdMatchWorker? _inline;
    private readonly List<KeptMatch> _kept = [];
    private readonly Dictionary<SigmaDocument, RuleRole> _roles = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(SigmaDocument Rule, string Account), RepeatedFinding> _repeats = [];
    private readonly AccessTallies _access;
    private Dictionary<string, AccessTally[]>? _accessByAccount;
    private readonly HashSet<string> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (int Actor, int Lower, ulong Seed)> _lowerAccounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Id, int Lower)> _appIds = new(StringComparer.Ordinal);
    private string? _file;
    private int _fileId;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private const int MaxSharedTexts = 100_000;

    /// <param name="supplied">Rules given by the user (SigmaHQ's cloud rules, say): their matches are findings.</param>
    public FootholdAnalyzer(SigmaRuleSet? supplied = null, FootholdAnalyzerOptions? options = null, SigmaRuleSet? builtIn = null)
    {
        _options = options ?? new FootholdAnalyzerOptions();
        _builtInRules = builtIn ?? BuiltInFootholdRules.RuleSet;
        _suppliedRules = supplied;
        _builtIn = _builtInRules.CreateEvaluator();
        _supplied = supplied?.CreateEvaluator();
        _access = new AccessTallies(_options.MaxAccessKeys);
    }

    /// <summary>Events given, including those before <see cref="FootholdAnalyzerOptions.Since"/>.</summary>
    public long Events { get; private set; }

    /// <summary>Matches not kept because <see cref="FootholdAnalyzerOptions.MaxKeptMatches"/> was reached.</summary>
    public long DroppedMatches { get; private set; }

    /// <summary>(Account, address | app | session | token) pairs tallied so far, at most <see cref="FootholdAnalyzerOptions.MaxAccessKeys"/>: what an audit's memory grows with.</summary>
    public int AccessTallyCount => _access.Count;

    /// <summary>Matched records kept for the analysis so far.</summary>
    public int KeptMatches => _kept.Count;

    /// <summary>Rule tests performed (events × the rules their logsource selects), built-in and supplied.</summary>
    public long RulesTested
    {
        get
        {
            lock (_workers)
            {
                return _workers.Sum(w => w.RulesTested) + (_inline?.RulesTested ?? 0);
            }
        }
    }

    public void Add(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        _inline ??= new FootholdMatchWorker(_builtInRules, _suppliedRules, _options.Since);
        _own.Load(auditEvent.Json);
        Add(auditEvent, _inline.Match(auditEvent, _own));
    }

    /// <summary>
    /// Reads a log with <paramref name="reader"/> and adds every event, the rules running on the
    /// reader's threads; yields each item once its event is added, for the caller's problem count
    /// and progress. Only matched events keep their record and have their <see cref="AuditEvent.ClientIp"/>.
    /// </summary>
    public IEnumerable<AuditLogItem> AddFrom(AuditLogReader reader, Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Every event is tallied, so it comes with its account, address key, app and operation; its
        // address (an IPAddress) and its record are made only when a rule matched it.
        foreach (var (item, hits) in reader.Read(stream, file, CreateWorker, static (worker, e, record) => worker.Match(e, record), keepRecords: false,
            complete: static hits => hits.BuiltIn.Length > 0 || hits.Supplied.Length > 0, light: EventDetail.Access))
        {
            if (item.Event is { } auditEvent)
            {
                Add(auditEvent, hits);
            }

            yield return item;
        }
    }

    private FootholdMatchWorker CreateWorker()
    {
        var worker = new FootholdMatchWorker(_builtInRules, _suppliedRules, _options.Since);
        lock (_workers)
        {
            _workers.Add(worker);
        }

        return worker;
    }

    /// <summary>Adds an event whose rules were tested already: reports the matches and feeds correlations in event order, keeps what matched, tallies access.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(AuditEvent auditEvent, FootholdMatches hits)
    {
        Events++;
        if (_options.Since is { } since && auditEvent.Timestamp is { } at && at < since)
        {
            return;
        }

        var time = auditEvent.Timestamp ?? DateTimeOffset.UnixEpoch;
        _found.Clear();
        // The record's bytes, not Data: a document is made only for what the analysis keeps (a plain
        // finding's repeats are counted, not kept), and only a correlation reads the record here.
        if (hits.BuiltIn.Length > 0)
        {
            _builtIn.Complete(hits.BuiltIn, auditEvent.Json, time, _found);
        }

        if (hits.Supplied.Length > 0)
        {
            _supplied!.Complete(hits.Supplied, auditEvent.Json, time, _found);
        }

        foreach (var match in _found)
        {
            Keep(auditEvent, match.Rule);
        }

        Tally(auditEvent, hits.Ids);
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

        var match = new KeptMatch(auditEvent, rule, role, _kept.Count);
        if (role.Creates is null && role.IsBookkeeping is false && !role.CompromiseSignal && !Levels.OpensWindow(rule.Level)
            && auditEvent.Account is { } account && auditEvent.Timestamp is { } at)
        {
            // A plain finding: the earliest record per account is kept whole, the rest counted (RepeatedFinding).
            var key = (rule, account.ToLowerInvariant());
            if (_repeats.TryGetValue(key, out var repeated))
            {
                repeated.Count++;
                if (at.UtcTicks < repeated.EarliestTicks)
                {
                    var previous = _kept[repeated.Earliest];
                    repeated.Latest ??= AccessSighting.Of(previous.Event, new SightingFields(previous.Event.Operation, previous.Event.Account, previous.Event.ClientIp?.ToString(), EventFields.AppId(previous.Event)));
                    _kept[repeated.Earliest] = match with { Sequence = previous.Sequence };
                    repeated.EarliestTicks = at.UtcTicks;
                }
                else if (repeated.Latest is not { } latest || at.UtcTicks >= latest.Ticks)
                {
                    repeated.Latest = AccessSighting.Of(auditEvent, new SightingFields(Intern(auditEvent.Operation), Intern(account), auditEvent.ClientIp?.ToString(), Intern(EventFields.AppId(auditEvent))));
                }

                return;
            }

            _repeats[key] = new RepeatedFinding(_kept.Count, at.UtcTicks);
        }

        _kept.Add(match);
    }

    /// <summary>
    /// Successful records only: a failed sign-in from an intruder's address is targeting, not access.
    /// Runs for every event, so what it keeps is numbers (<see cref="AccessTallies"/>), and the account's
    /// lower case, its seed and the app's lower case are looked up, not made, each time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tally(AuditEvent auditEvent, AccessIds ids)
    {
        if (auditEvent.Account is not { } account || auditEvent.Result == AuditResult.Failure)
        {
            return;
        }

        if (!_lowerAccounts.TryGetValue(account, out var known))
        {
            var lowered = account.ToLowerInvariant();
            known = _lowerAccounts[account] = (_access.TextId(account), _access.TextId(lowered), AccessTallies.Seed(lowered));
            if (account.Contains('@', StringComparison.Ordinal))
            {
                _accounts.Add(account);
            }
        }

        var (actor, lower, seed) = known;
        if (!ReferenceEquals(auditEvent.Origin.File, _file))
        {
            _file = auditEvent.Origin.File;
            _fileId = _access.TextId(_file);
        }

        var app = -1;
        var appLower = -1;
        if (EventFields.AppId(auditEvent) is { } appId)
        {
            if (!_appIds.TryGetValue(appId, out var appIds))
            {
                appIds = _appIds[appId] = (_access.TextId(appId), _access.TextId(appId.ToLowerInvariant()));
            }

            (app, appLower) = appIds;
        }

        var clientIp = _access.AddressId(auditEvent.ClientIPv4 is { } v4 ? ClientAddressKey.IPv4(v4) : ClientAddressKey.Of(auditEvent.ClientIp));
        var sighting = AccessTallies.Sighting(auditEvent, _access.TextId(auditEvent.Operation), actor, clientIp, app, _fileId);
        if (clientIp >= 0)
        {
            _access.AddAddress(lower, seed, clientIp, sighting);
        }

        if (appLower >= 0)
        {
            _access.AddApp(lower, seed, appLower, sighting);
        }

        foreach (var (by, id) in (ReadOnlySpan<(string, AccessId)>)[(AccessTallies.BySession, ids.Session), (AccessTallies.BySession, ids.EntraSession), (AccessTallies.ByToken, ids.Token)])
        {
            if (id.HasValue)
            {
                _access.AddId(lower, seed, by, id, sighting);
            }
        }
    }

    /// <summary>
    /// One instance per text for what tallies keep of every record (operations, accounts, apps
    /// repeat across a million records); bounded, past the bound texts are kept as they come.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    private string? Intern(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (_texts.Count < MaxSharedTexts)
        {
            _texts.Add(text, text);
        }

        return text;
    }
}
