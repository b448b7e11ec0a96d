using Rampart.Core.Actors;

namespace Rampart.Intel.Actors;

/// <summary>
/// The STIX importer's actor look-ups (<see cref="Stix.StixImporter.ResolveActorAsync"/>): by id, and by a
/// name that is an actor's primary name or one of its aliases, compared as <see cref="ActorNames.Normalize"/>
/// says, in the store's order (name, then id). Live from the store, or from a snapshot of every actor taken
/// before an import that holds the store for itself: that import's transaction keeps other connections,
/// this process's too, waiting until it commits, and the import never writes actors.
/// </summary>
internal sealed class ActorLookup
{
    private readonly IActorStore? _store;
    private readonly Dictionary<string, Actor>? _byId;
    private readonly Dictionary<string, List<Actor>>? _byName;

    private ActorLookup(IActorStore store) => _store = store;

    private ActorLookup(IReadOnlyList<Actor> actors)
    {
        _byId = new Dictionary<string, Actor>(StringComparer.Ordinal);
        _byName = new Dictionary<string, List<Actor>>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            _byId[actor.Id] = actor;
            foreach (var name in actor.Aliases.Select(a => a.Name).Prepend(actor.Name))
            {
                var key = ActorNames.Normalize(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!_byName.TryGetValue(key, out var named))
                {
                    _byName[key] = named = [];
                }

                if (named.Count == 0 || !ReferenceEquals(named[^1], actor))
                {
                    named.Add(actor);
                }
            }
        }
    }

    public static ActorLookup Live(IActorStore store) => new(store);

    public static async Task<ActorLookup> SnapshotAsync(IActorStore store, CancellationToken cancellationToken) =>
        new(await store.ListAsync(null, cancellationToken).ConfigureAwait(false));

    public Task<Actor?> GetAsync(string id, CancellationToken cancellationToken) =>
        _store is not null ? _store.GetAsync(id, cancellationToken) : Task.FromResult(_byId!.GetValueOrDefault(id));

    public Task<IReadOnlyList<Actor>> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        _store is not null
            ? _store.FindByNameAsync(name, cancellationToken)
            : Task.FromResult<IReadOnlyList<Actor>>(_byName!.GetValueOrDefault(ActorNames.Normalize(name)) ?? []);
}
