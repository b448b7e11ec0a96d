using Rampart.Core.Auditing;

namespace Rampart.Core.Relationships;

/// <summary>Relationships and sightings between stored objects.</summary>
public interface IRelationshipStore
{
    Task<Relationship> AddRelationshipAsync(string sourceRef, string relationshipType, string targetRef, string source, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Relationships where <paramref name="objectId"/> is the source or the target.</summary>
    Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(string objectId, CancellationToken cancellationToken);

    Task<Sighting> AddSightingAsync(string sightingOfRef, DateTimeOffset firstSeen, DateTimeOffset lastSeen, int count, string? whereSighted, string source, ChangeContext context, CancellationToken cancellationToken);

    Task<IReadOnlyList<Sighting>> ListSightingsAsync(string sightingOfRef, CancellationToken cancellationToken);
}
