namespace Rampart.Core.Sinkhole;

/// <summary>
/// What one source address did to one name of a case: first and last hit and how many, over the raw
/// hits and the daily rollups of hits past retention. The name is attacker-controlled text.
/// </summary>
public sealed record SourceActivity(string SourceIp, string QueryName, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Hits);
