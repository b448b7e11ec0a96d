using Rampart.Core.Markings;

namespace Rampart.Core.Stix;

/// <summary>The newest stored version of a STIX object: its JSON as imported, its TLP and the store revision it arrived in.</summary>
public sealed record StoredStixObject(
    string Id,
    string Type,
    DateTimeOffset? Modified,
    bool Revoked,
    Tlp? Tlp,
    string Json,
    string? Name,
    string? ExternalId,
    string? RelationshipType,
    string? SourceRef,
    string? TargetRef,
    long Revision);
