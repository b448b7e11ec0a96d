using System.Collections.Concurrent;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Scanning;

/// <summary>
/// Reads audit logs and runs Sigma rules over their events: the glue between the readers and the
/// engine, which does not know <see cref="AuditEvent"/>. Rules are tested on the reading threads
/// (<see cref="AuditLogReaderOptions.Parallelism"/>, one <see cref="RuleMatchWorker"/> each); the
/// events and the rules they matched come back in file order to one evaluator, which reports the
/// matches and feeds the correlations, so correlations see every event in order as in a
/// single-threaded scan. Not thread-safe; one scan at a time.
/// </summary>
public sealed class AuditLogScanner(SigmaRuleSet? rules, AuditLogScanOptions? options = null)
{
    private readonly AuditLogScanOptions _options = options ?? new AuditLogScanOptions();
    private readonly SigmaEvaluator? _evaluator = rules?.CreateEvaluator();
    private readonly ConcurrentQueue<RuleMatchWorker> _workers = new();
    private readonly Dictionary<Logsource, string> _logsourceKeys = [];
    private readonly List<SigmaMatch> _found = [];
    private RuleMatchWorker? _inline;

    public AuditLogScanSummary Summary { get; } = new();

    /// <summary>Scans one file; <paramref name="progress"/> hears the bytes read so far, now and then.</summary>
    public void ScanFile(string path, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        ScanStream(stream, path, progress, cancellationToken);
    }

    /// <summary>Scans a seekable stream; <paramref name="name"/> names it in origins and problems.</summary>
    public void ScanStream(Stream stream, string name, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Summary.Files.Add(name);
        Summary.Bytes += stream.Length;
        var reader = new AuditLogReader(_options.Reader);
        var count = 0;
        // Events no rule matched are only counted: they stay light (no account, address, operation or
        // result), which spares most of the work of typing them.
        foreach (var (item, hits) in reader.Read(stream, name, CreateWorker, static (worker, e, record) => worker?.Match(e, record) ?? [], keepRecords: false, complete: static hits => hits.Length > 0))
        {
            if (item.Problem is { } problem)
            {
                Summary.AddProblem(problem, _options.MaxKeptProblems);
            }
            else
            {
                Consume(item.Event!, hits);
            }

            if (++count % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(stream.Position);
            }
        }

        progress?.Invoke(stream.Length);
    }

    /// <summary>Evaluates one event that was read elsewhere.</summary>
    public void Scan(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        _inline ??= CreateWorker();
        Consume(auditEvent, _inline?.Match(auditEvent, null) ?? []);
    }

    /// <summary>Rule tests performed: events × the rules their logsource selects.</summary>
    public long RulesTested => _workers.Sum(w => w.RulesTested);

    private RuleMatchWorker? CreateWorker()
    {
        if (rules is null)
        {
            return null;
        }

        var worker = new RuleMatchWorker(rules, _options.Since);
        _workers.Enqueue(worker);
        return worker;
    }

    /// <summary>Tallies an event, in file order, and completes the rules it matched: matches reported, correlations fed.</summary>
    private void Consume(AuditEvent auditEvent, CompiledRule[] hits)
    {
        Summary.Events++;
        if (_options.Since is { } since && auditEvent.Timestamp is { } at && at < since)
        {
            return;
        }

        Summary.Evaluated++;
        if (!_logsourceKeys.TryGetValue(auditEvent.Logsource, out var key))
        {
            key = _logsourceKeys[auditEvent.Logsource] = auditEvent.Logsource.ToString();
        }

        Summary.CountEvent(key);
        if (_evaluator is null || hits.Length == 0)
        {
            return;
        }

        _found.Clear();
        if (_evaluator.Complete(hits, auditEvent.Json, auditEvent.Timestamp ?? DateTimeOffset.UnixEpoch, _found) == 0)
        {
            return;
        }

        foreach (var match in _found)
        {
            Summary.AddMatch(new ScanMatch(match.Rule, match.GroupKey, auditEvent, auditEvent.RawText), _options.MaxKeptMatches);
        }
    }
}
