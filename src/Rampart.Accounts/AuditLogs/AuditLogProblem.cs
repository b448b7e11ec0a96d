namespace Rampart.Accounts.AuditLogs;

/// <summary>A record that was skipped, where it was, and why.</summary>
public sealed record AuditLogProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
