using Rampart.Core.Auditing;

namespace Rampart.Core.Actors;

/// <summary>Actors in the store: the shipped knowledge base plus what imports add.</summary>
public interface IActorStore
{
    /// <summary>
    /// Loads the knowledge base shipped with the product when its version differs from the stored
    /// one (adds and updates, never deletes what imports added). Returns true when it loaded.
    /// <paramref name="actors"/> is asked only then: building the shipped actors costs every CLI
    /// start about 0.2 CPU-s, and the version alone is a hash of the files.
    /// </summary>
    Task<bool> SeedKnowledgeBaseAsync(Func<IReadOnlyList<Actor>> actors, string version, CancellationToken cancellationToken);

    /// <summary>Adds an actor or adds names to one (from STIX, MISP or an analyst).</summary>
    Task UpsertAsync(Actor actor, ChangeContext context, CancellationToken cancellationToken);

    Task<Actor?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every actor one of whose names matches (<see cref="ActorNames.Normalize"/>): none, one, or candidates.</summary>
    Task<IReadOnlyList<Actor>> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Actor>> ListAsync(string? country, CancellationToken cancellationToken);
}
