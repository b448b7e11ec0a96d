namespace Rampart.Core.Auditing;

/// <summary>
/// Reads the audit trail. Entries are written by each store in the same transaction as the change
/// they describe, so an audited change and its entry land together or not at all.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Newest first; <paramref name="before"/> is the id of the last entry of the previous page.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int limit, string? before, CancellationToken cancellationToken);
}
