using Rampart.Core.Cases;

namespace Rampart.Storage.Cases;

/// <summary>A <c>case_evidence</c> row as Dapper reads it, without the attachment bytes.</summary>
internal sealed class CaseEvidenceRow
{
    public const string Columns = "id AS Id, case_id AS CaseId, domain AS Domain, kind AS Kind, captured_at AS CapturedAt, source AS Source, summary AS Summary, data AS Data, file_name AS FileName, size AS Size, sha256 AS Sha256, added_at AS AddedAt, added_by AS AddedBy";

    public string Id { get; set; } = "";

    public string CaseId { get; set; } = "";

    public string? Domain { get; set; }

    public string Kind { get; set; } = "";

    public long CapturedAt { get; set; }

    public string Source { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? Data { get; set; }

    public string? FileName { get; set; }

    public long? Size { get; set; }

    public string Sha256 { get; set; } = "";

    public long AddedAt { get; set; }

    public string AddedBy { get; set; } = "";

    public CaseEvidence ToEvidence() => new(
        Id, CaseId, Domain, CaseNames.ToKind(Kind), StoreTime.FromStore(CapturedAt), Source, Summary, Data, FileName, Size, Sha256, StoreTime.FromStore(AddedAt), AddedBy);
}
