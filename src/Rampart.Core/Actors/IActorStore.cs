using Rampart.Core.Auditing;

namespace Rampart.Core.Actors;

/// <summary>Actors in the store: the shipped knowledge base plus what imports add.</summary>
public interface IActorStore
{
    /// <summary>
    /// Loads the knowledge base shipped with the product when its version differs from the stored
    /// one (adds and updates, never deletes what imports added). Returns true when it loaded.
    /// </summary>
    Task<bool> SeedKnowledgeBaseAsync(IReadOnlyList<Actor> actors, string version, CancellationToken cancellationToken);

    /// <summary>Adds an actor or adds names to one (from STIX, MISP or an analyst).</summary>
    Task UpsertAsync(Actor actor, ChangeContext context, CancellationToken cancellationToken);

    Task<Actor?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every actor one of whose names matches (<see cref="ActorNames.Normalize"/>): none, one, or candidates.</summary>
    Task<IReadOnlyList<Actor>> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Actor>> ListAsync(string? country, CancellationToken cancellationToken);
}
