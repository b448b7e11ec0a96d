using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts;

/// <summary>What an audit read, beside what it found: files, skipped records, supplied rules, time taken.</summary>
public sealed record AuditRun(IReadOnlyList<string> Files, long Skipped, IReadOnlyList<AuditLogProblem> Problems, long DroppedMatches, int SuppliedRules, TimeSpan Elapsed);
