namespace Rampart.Core.Relationships;

/// <summary>A STIX relationship between two objects by id (indicator indicates intrusion-set, …).</summary>
public sealed record Relationship(
    string Id,
    string SourceRef,
    string RelationshipType,
    string TargetRef,
    string Source,
    DateTimeOffset CreatedAt);
