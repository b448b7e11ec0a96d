namespace Rampart.Accounts.Sigma;

/// <summary>
/// A rule or correlation that matched. For a correlation, <see cref="GroupKey"/> names the group
/// (<c>User=alice</c>) and <see cref="Timestamp"/> is the event that completed it.
/// </summary>
public readonly record struct SigmaMatch(SigmaDocument Rule, DateTimeOffset Timestamp, string? GroupKey);
