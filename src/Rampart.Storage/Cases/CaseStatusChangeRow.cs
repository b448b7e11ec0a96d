using Rampart.Core.Cases;

namespace Rampart.Storage.Cases;

/// <summary>A <c>case_status_changes</c> row as Dapper reads it.</summary>
internal sealed class CaseStatusChangeRow
{
    public const string Columns = "case_id AS CaseId, at AS At, who AS Who, from_status AS FromStatus, to_status AS ToStatus, note AS Note";

    public string CaseId { get; set; } = "";

    public long At { get; set; }

    public string Who { get; set; } = "";

    public string? FromStatus { get; set; }

    public string ToStatus { get; set; } = "";

    public string? Note { get; set; }

    public CaseStatusChange ToChange() => new(
        CaseId, StoreTime.FromStore(At), Who, FromStatus is null ? null : CaseNames.ToStatus(FromStatus), CaseNames.ToStatus(ToStatus), Note);
}
