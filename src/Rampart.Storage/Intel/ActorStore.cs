using Dapper;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>Actors and every name they go by; names compare as <see cref="ActorNames.Normalize"/> says.</summary>
internal sealed class ActorStore(StoreChanges changes) : IActorStore
{
    /// <summary>The <c>knowledge_base</c> row that records which shipped actor knowledge base is loaded.</summary>
    internal const string KnowledgeBaseName = "actors";

    private const string UpsertActor = """
        INSERT INTO actors (id, name, normalized_name, country, attack_id, description, related, sources, created_at, modified_at, revision)
        VALUES (@Id, @Name, @NormalizedName, @Country, @AttackId, @Description, @Related, @Sources, @Now, @Now, @Revision)
        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name,
            normalized_name = excluded.normalized_name,
            country = COALESCE(excluded.country, actors.country),
            attack_id = COALESCE(excluded.attack_id, actors.attack_id),
            description = COALESCE(excluded.description, actors.description),
            related = excluded.related,
            sources = excluded.sources,
            modified_at = excluded.modified_at,
            revision = excluded.revision
        """;

    private const string InsertAlias = """
        INSERT INTO actor_aliases (actor_id, name, normalized_name, source)
        VALUES (@ActorId, @Name, @NormalizedName, @Source)
        ON CONFLICT DO NOTHING
        """;

    private const string UpsertKnowledgeBase = """
        INSERT INTO knowledge_base (name, version, loaded_at) VALUES (@Name, @Version, @Now)
        ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at
        """;

    private const string ByName = """
        a.id IN (SELECT id FROM actors WHERE normalized_name = @Normalized
                 UNION SELECT actor_id FROM actor_aliases WHERE normalized_name = @Normalized)
        """;

    public Task<bool> SeedKnowledgeBaseAsync(Func<IReadOnlyList<Actor>> actors, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentException.ThrowIfNullOrEmpty(version);
        return changes.RunAsync(ChangeContext.System, async change =>
        {
            var stored = await change.ScalarAsync<string>(
                "SELECT version FROM knowledge_base WHERE name = @Name", new { Name = KnowledgeBaseName }).ConfigureAwait(false);
            if (string.Equals(stored, version, StringComparison.Ordinal))
            {
                return false;
            }

            var seeded = actors();
            foreach (var actor in seeded)
            {
                await UpsertCoreAsync(change, actor).ConfigureAwait(false);
            }

            await change.ExecuteAsync(UpsertKnowledgeBase, new { Name = KnowledgeBaseName, Version = version, Now = change.NowStore }).ConfigureAwait(false);
            change.Audit("actors.seed", "knowledge-base:" + KnowledgeBaseName, $"version={version} actors={seeded.Count} previous={stored ?? "none"}");
            return true;
        }, cancellationToken);
    }

    public Task UpsertAsync(Actor actor, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return changes.RunAsync(context, async change =>
        {
            await UpsertCoreAsync(change, actor).ConfigureAwait(false);
            change.Audit("actor.upsert", actor.Id, $"name={actor.Name} aliases={actor.Aliases.Count}");
            return true;
        }, cancellationToken);
    }

    public async Task<Actor?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await LoadAsync("a.id = @Id", new { Id = id }, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<Actor>> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = ActorNames.Normalize(name);
        return normalized.Length == 0
            ? Task.FromResult<IReadOnlyList<Actor>>([])
            : LoadAsync(ByName, new { Normalized = normalized }, cancellationToken);
    }

    public Task<IReadOnlyList<Actor>> ListAsync(string? country, CancellationToken cancellationToken) =>
        country is null
            ? LoadAsync("1 = 1", null, cancellationToken)
            : LoadAsync("a.country = @Country", new { Country = country }, cancellationToken);

    /// <summary>Adds the actor or updates it: names and sources accumulate, known fields are not erased by unknown ones.</summary>
    private static async Task UpsertCoreAsync(ChangeTransaction change, Actor actor)
    {
        var existing = await change.QuerySingleOrDefaultAsync<ActorRow>(
            $"SELECT {ActorRow.Columns} FROM actors a WHERE a.id = @Id", new { actor.Id }).ConfigureAwait(false);
        var related = ActorRow.ReadList(existing?.Related).Concat(actor.Related).Distinct(StringComparer.Ordinal);
        var sources = ActorRow.ReadList(existing?.Sources).Concat(actor.Sources).Distinct(StringComparer.Ordinal);

        await change.ExecuteAsync(UpsertActor, new
        {
            actor.Id,
            actor.Name,
            NormalizedName = ActorNames.Normalize(actor.Name),
            actor.Country,
            actor.AttackId,
            actor.Description,
            Related = ActorRow.WriteList(related),
            Sources = ActorRow.WriteList(sources),
            Now = change.NowStore,
            change.Revision,
        }).ConfigureAwait(false);

        foreach (var alias in actor.Aliases)
        {
            await change.ExecuteAsync(InsertAlias, new
            {
                ActorId = actor.Id,
                alias.Name,
                NormalizedName = ActorNames.Normalize(alias.Name),
                alias.Source,
            }).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<Actor>> LoadAsync(string where, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var actors = (await connection.QueryAsync<ActorRow>(new CommandDefinition(
            $"SELECT {ActorRow.Columns} FROM actors a WHERE {where} ORDER BY a.name, a.id", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (actors.Count == 0)
        {
            return [];
        }

        var aliases = (await connection.QueryAsync<ActorAliasRow>(new CommandDefinition(
                $"SELECT al.actor_id AS ActorId, al.name AS Name, al.source AS Source FROM actor_aliases al JOIN actors a ON a.id = al.actor_id WHERE {where} ORDER BY al.actor_id, al.name, al.source",
                parameters,
                cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(a => a.ActorId, a => new ActorAlias(a.Name, a.Source), StringComparer.Ordinal);
        return actors.Select(a => a.ToActor(aliases[a.Id].ToList())).ToList();
    }
}
