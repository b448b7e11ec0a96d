namespace Rampart.Core.Sinkhole;

/// <summary>
/// One daily rollup row: what raw hits past retention became, per case, day (UTC), name and source
/// address, with the organization the source was attributed to when rolled up. <see cref="CaseId"/> is
/// null for hits without a case. The name is attacker-controlled text.
/// </summary>
public sealed record SinkholeDailyCount(
    string? CaseId,
    DateTimeOffset Day,
    string QueryName,
    string SourceIp,
    string? Organization,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Hits);
