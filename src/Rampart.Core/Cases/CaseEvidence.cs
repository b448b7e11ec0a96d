namespace Rampart.Core.Cases;

/// <summary>One stored piece of evidence. Attachments' bytes are read separately (<see cref="ICaseStore.GetAttachmentAsync"/>).</summary>
/// <param name="Sha256">Lowercase hex SHA-256 of the attachment bytes, or of <see cref="Data"/> (or the summary) as UTF-8.</param>
/// <param name="Size">Attachment size in bytes, or null.</param>
public sealed record CaseEvidence(
    string Id,
    string CaseId,
    string? Domain,
    EvidenceKind Kind,
    DateTimeOffset CapturedAt,
    string Source,
    string Summary,
    string? Data,
    string? FileName,
    long? Size,
    string Sha256,
    DateTimeOffset AddedAt,
    string AddedBy);
