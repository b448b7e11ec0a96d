using Rampart.Core.Cases;

namespace Rampart.Storage.Cases;

/// <summary>A <c>case_domains</c> row as Dapper reads it.</summary>
internal sealed class CaseDomainRow
{
    public const string Columns = "case_id AS CaseId, domain AS Domain, added_at AS AddedAt, added_by AS AddedBy, reason AS Reason";

    public string CaseId { get; set; } = "";

    public string Domain { get; set; } = "";

    public long AddedAt { get; set; }

    public string AddedBy { get; set; } = "";

    public string Reason { get; set; } = "";

    public CaseDomain ToDomain() => new(CaseId, Domain, StoreTime.FromStore(AddedAt), AddedBy, Reason);
}
