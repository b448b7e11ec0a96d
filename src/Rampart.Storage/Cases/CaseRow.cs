using Rampart.Core.Cases;

namespace Rampart.Storage.Cases;

/// <summary>A <c>cases</c> row as Dapper reads it.</summary>
internal sealed class CaseRow
{
    public const string Columns = "id AS Id, name AS Name, description AS Description, status AS Status, created_at AS CreatedAt, created_by AS CreatedBy, modified_at AS ModifiedAt, revision AS Revision";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string Status { get; set; } = "";

    public long CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public long ModifiedAt { get; set; }

    public long Revision { get; set; }

    public TakedownCase ToCase() => new(
        Id, Name, Description, CaseNames.ToStatus(Status), StoreTime.FromStore(CreatedAt), CreatedBy, StoreTime.FromStore(ModifiedAt), Revision);
}
