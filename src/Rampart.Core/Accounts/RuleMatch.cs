namespace Rampart.Core.Accounts;

/// <summary>
/// A rule that matched an audit event: which rule, the event's typed fields, where it was read, and
/// the normalized event itself (JSON), so later analysis (footholds, timelines) needs no re-read.
/// <see cref="GroupKey"/> is set for a correlation (<c>User=alice</c>).
/// </summary>
public sealed record RuleMatch(
    string RuleId,
    string RuleTitle,
    string? Level,
    string Logsource,
    DateTimeOffset? EventTime,
    string? Account,
    string? ClientIp,
    string? Operation,
    string File,
    int Line,
    string? GroupKey,
    string Event);
