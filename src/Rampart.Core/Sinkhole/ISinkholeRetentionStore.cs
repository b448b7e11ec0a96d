using Rampart.Core.Auditing;

namespace Rampart.Core.Sinkhole;

/// <summary>
/// Retention of raw hits (personal data: source addresses): past retention they become daily counts
/// per case, name, source address and organization; a case's raw hits can be purged on request.
/// </summary>
public interface ISinkholeRetentionStore
{
    /// <summary>
    /// Rolls up the oldest day that has raw hits before <paramref name="before"/> (only those hits), in
    /// one audited transaction: counts are added to that day's rows, so a hit ingested late into a
    /// rolled-up day is added on the next run. Null when no hit is that old.
    /// </summary>
    Task<RollupResult?> RollUpOldestDayAsync(DateTimeOffset before, Func<string, string?> organizationOf, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Removes a case's raw hits (and with <paramref name="rollups"/> its daily rows), audited as <c>sinkhole.purge</c>; returns (hits, rows) removed.</summary>
    Task<(long Hits, long Rollups)> PurgeAsync(string caseId, bool rollups, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The daily rows by the same filters as raw hits: case, name, source, and a window that keeps a row
    /// when any of its hits falls in it (its last hit at or after <see cref="SinkholeHitQuery.Since"/>,
    /// its first before <see cref="SinkholeHitQuery.Until"/>). Oldest day first, at most the query's limit.
    /// </summary>
    Task<IReadOnlyList<SinkholeDailyCount>> ListDailyAsync(SinkholeHitQuery query, CancellationToken cancellationToken);
}
