namespace Rampart.Core.Accounts;

/// <summary>A scan to record: the files read, the event and problem counts, and how many rules ran.</summary>
public sealed record NewLogScan(IReadOnlyList<string> Files, long Events, long Problems, int Rules);
