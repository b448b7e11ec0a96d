using Dapper;
using Rampart.Core;
using Rampart.Core.Auditing;
using Rampart.Core.Relationships;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

internal sealed class RelationshipStore(StoreChanges changes) : IRelationshipStore
{
    private const string InsertRelationship = """
        INSERT INTO relationships (id, source_ref, relationship_type, target_ref, source, created_at, revision)
        VALUES (@Id, @SourceRef, @RelationshipType, @TargetRef, @Source, @Now, @Revision)
        ON CONFLICT (source_ref, relationship_type, target_ref, source) DO NOTHING
        RETURNING id
        """;

    private const string InsertSighting = """
        INSERT INTO sightings (id, sighting_of_ref, first_seen, last_seen, count, where_sighted, source, created_at, revision)
        VALUES (@Id, @SightingOfRef, @FirstSeen, @LastSeen, @Count, @WhereSighted, @Source, @Now, @Revision)
        """;

    /// <summary>The same relationship from the same source again is the existing one, not a change.</summary>
    public Task<Relationship> AddRelationshipAsync(string sourceRef, string relationshipType, string targetRef, string source, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var id = RampartId.New("relationship");
            var inserted = await change.QuerySingleOrDefaultAsync<string>(InsertRelationship, new
            {
                Id = id,
                SourceRef = sourceRef,
                RelationshipType = relationshipType,
                TargetRef = targetRef,
                Source = source,
                Now = change.NowStore,
                change.Revision,
            }).ConfigureAwait(false);
            if (inserted is null)
            {
                var existing = await change.QuerySingleOrDefaultAsync<RelationshipRow>(
                    $"SELECT {RelationshipRow.Columns} FROM relationships WHERE source_ref = @SourceRef AND relationship_type = @RelationshipType AND target_ref = @TargetRef AND source = @Source",
                    new { SourceRef = sourceRef, RelationshipType = relationshipType, TargetRef = targetRef, Source = source }).ConfigureAwait(false);
                return existing?.ToRelationship() ?? throw new InvalidOperationException("The relationship conflicted but cannot be read back.");
            }

            change.Audit("relationship.add", id, $"{sourceRef} {relationshipType} {targetRef}");
            return new Relationship(id, sourceRef, relationshipType, targetRef, source, StoreTime.FromStore(change.NowStore));
        }, cancellationToken);

    public async Task<IReadOnlyList<Relationship>> ListRelationshipsAsync(string objectId, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RelationshipRow>(new CommandDefinition(
            $"SELECT {RelationshipRow.Columns} FROM relationships WHERE source_ref = @Id OR target_ref = @Id ORDER BY id",
            new { Id = objectId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRelationship()).ToList();
    }

    public Task<Sighting> AddSightingAsync(string sightingOfRef, DateTimeOffset firstSeen, DateTimeOffset lastSeen, int count, string? whereSighted, string source, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var sighting = new Sighting(
                RampartId.New("sighting"),
                sightingOfRef,
                StoreTime.FromStore(StoreTime.ToStore(firstSeen)),
                StoreTime.FromStore(StoreTime.ToStore(lastSeen)),
                count,
                whereSighted,
                source);
            await change.ExecuteAsync(InsertSighting, new
            {
                sighting.Id,
                SightingOfRef = sightingOfRef,
                FirstSeen = StoreTime.ToStore(firstSeen),
                LastSeen = StoreTime.ToStore(lastSeen),
                Count = count,
                WhereSighted = whereSighted,
                Source = source,
                Now = change.NowStore,
                change.Revision,
            }).ConfigureAwait(false);
            change.Audit("sighting.add", sighting.Id, $"of={sightingOfRef} count={count}");
            return sighting;
        }, cancellationToken);

    public async Task<IReadOnlyList<Sighting>> ListSightingsAsync(string sightingOfRef, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SightingRow>(new CommandDefinition(
            $"SELECT {SightingRow.Columns} FROM sightings WHERE sighting_of_ref = @Ref ORDER BY last_seen DESC, id",
            new { Ref = sightingOfRef },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToSighting()).ToList();
    }
}
