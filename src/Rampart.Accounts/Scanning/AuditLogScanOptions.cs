using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Scanning;

/// <summary>What a scan reads, which events it keeps, and how much it remembers.</summary>
public sealed record AuditLogScanOptions
{
    public AuditLogReaderOptions Reader { get; init; } = new();

    /// <summary>Events before this time are counted as read but not evaluated; events without a time are kept.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// Matches kept with their events (for storage and the footholds analysis); past this they are
    /// still counted per rule and per account. A noisy rule over a year of logs must not exhaust memory.
    /// </summary>
    public int MaxKeptMatches { get; init; } = 100_000;

    /// <summary>Problems kept with their text; past this they are only counted.</summary>
    public int MaxKeptProblems { get; init; } = 1_000;
}
