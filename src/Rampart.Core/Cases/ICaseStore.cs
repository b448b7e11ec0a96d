using Rampart.Core.Auditing;

namespace Rampart.Core.Cases;

/// <summary>
/// Takedown cases in the store. Every change advances the store revision, stamps the case's last
/// change and is audited with who and when, in the same transaction.
/// </summary>
public interface ICaseStore
{
    Task<TakedownCase> CreateAsync(string name, string? description, ChangeContext context, CancellationToken cancellationToken);

    Task<TakedownCase?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Cases, newest first, optionally only those in one of <paramref name="statuses"/>.</summary>
    Task<IReadOnlyList<TakedownCase>> ListAsync(IReadOnlyCollection<CaseStatus>? statuses, CancellationToken cancellationToken);

    Task<CaseDetail?> GetDetailAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds domains (normalized by the caller) with the reason they were added and their evidence, in
    /// one transaction. A domain already in the case keeps its first reason; its new evidence is added.
    /// Returns the domains that were new, or null when no case has that id.
    /// </summary>
    Task<IReadOnlyList<string>?> AddDomainsAsync(string caseId, IReadOnlyList<(string Domain, string Reason)> domains, IReadOnlyList<NewEvidence> evidence, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Adds evidence to a case (each domain named must be in it). Null when no case has that id.</summary>
    Task<IReadOnlyList<CaseEvidence>?> AddEvidenceAsync(string caseId, IReadOnlyList<NewEvidence> evidence, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>The bytes of an attachment, or null.</summary>
    Task<byte[]?> GetAttachmentAsync(string evidenceId, CancellationToken cancellationToken);

    /// <summary>Moves the case's status if the workflow allows it from the status it has now (checked in the transaction).</summary>
    Task<StatusChangeResult> SetStatusAsync(string caseId, CaseStatus to, string? note, ChangeContext context, CancellationToken cancellationToken);
}
