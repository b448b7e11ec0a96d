namespace Rampart.Core.Auditing;

/// <summary>One row of the audit trail: who changed what, from where, when.</summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string Who,
    ChangeChannel Channel,
    string? From,
    string Action,
    string Target,
    string? Detail);
