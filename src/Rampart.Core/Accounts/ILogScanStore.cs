using Rampart.Core.Auditing;

namespace Rampart.Core.Accounts;

/// <summary>Scans of audit logs and the rule matches they found, for the footholds analysis to build on.</summary>
public interface ILogScanStore
{
    /// <summary>Records a scan and all its matches in one transaction: a crash leaves none of it.</summary>
    Task<LogScan> RecordAsync(NewLogScan scan, IReadOnlyList<RuleMatch> matches, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>The most recent scans first.</summary>
    Task<IReadOnlyList<LogScan>> ListScansAsync(int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredRuleMatch>> ListMatchesAsync(RuleMatchQuery query, CancellationToken cancellationToken);
}
