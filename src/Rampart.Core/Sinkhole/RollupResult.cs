namespace Rampart.Core.Sinkhole;

/// <summary>One day rolled up: the day (UTC midnight), the raw hits removed and the daily rows they became.</summary>
public sealed record RollupResult(DateTimeOffset Day, long Hits, long Rows);
