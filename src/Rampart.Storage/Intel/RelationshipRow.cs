using Rampart.Core.Relationships;

namespace Rampart.Storage.Intel;

/// <summary>A <c>relationships</c> row as Dapper reads it.</summary>
internal sealed class RelationshipRow
{
    public const string Columns = "id AS Id, source_ref AS SourceRef, relationship_type AS RelationshipType, target_ref AS TargetRef, source AS Source, created_at AS CreatedAt";

    public string Id { get; set; } = "";

    public string SourceRef { get; set; } = "";

    public string RelationshipType { get; set; } = "";

    public string TargetRef { get; set; } = "";

    public string Source { get; set; } = "";

    public long CreatedAt { get; set; }

    public Relationship ToRelationship() => new(Id, SourceRef, RelationshipType, TargetRef, Source, StoreTime.FromStore(CreatedAt));
}
