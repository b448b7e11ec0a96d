using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Scanning;

/// <summary>
/// Reads audit logs and runs Sigma rules over their events: the glue between the readers and the
/// engine, which does not know <see cref="AuditEvent"/>. One evaluator sees every event in file
/// order, so correlations see them all. Not thread-safe; one scan at a time.
/// </summary>
public sealed class AuditLogScanner(SigmaRuleSet? rules, AuditLogScanOptions? options = null)
{
    private readonly AuditLogScanOptions _options = options ?? new AuditLogScanOptions();
    private readonly SigmaEvaluator? _evaluator = rules?.CreateEvaluator();
    private readonly List<SigmaMatch> _found = [];

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
        foreach (var item in reader.Read(stream, name))
        {
            if (item.Problem is { } problem)
            {
                Summary.AddProblem(problem, _options.MaxKeptProblems);
            }
            else
            {
                Scan(item.Event!);
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
        Summary.Events++;
        if (_options.Since is { } since && auditEvent.Timestamp is { } at && at < since)
        {
            return;
        }

        Summary.Evaluated++;
        Summary.CountEvent(auditEvent);
        if (_evaluator is null)
        {
            return;
        }

        _found.Clear();
        var source = new SigmaLogSource(auditEvent.Logsource.Product, auditEvent.Logsource.Service, auditEvent.Logsource.Category);
        if (_evaluator.Evaluate(source, auditEvent.Data, auditEvent.Timestamp ?? DateTimeOffset.UnixEpoch, _found) == 0)
        {
            return;
        }

        foreach (var match in _found)
        {
            Summary.AddMatch(new ScanMatch(match.Rule, match.GroupKey, auditEvent, auditEvent.Data.GetRawText()), _options.MaxKeptMatches);
        }
    }

    /// <summary>Rule tests performed: events × the rules their logsource selects.</summary>
    public long RulesTested => _evaluator?.RulesTested ?? 0;
}
