using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>What a reader yields for each record: an event, or the problem that made it skip the record.</summary>
public readonly record struct AuditLogItem(AuditEvent? Event, AuditLogProblem? Problem);
