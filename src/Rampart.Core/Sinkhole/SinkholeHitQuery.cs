namespace Rampart.Core.Sinkhole;

/// <summary>Which hits to list; null fields do not filter. Oldest first.</summary>
public sealed record SinkholeHitQuery(string? CaseId = null, string? QueryName = null, string? SourceIp = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int Limit = 1000);
