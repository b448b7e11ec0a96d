using Rampart.Core.Actors;

namespace Rampart.Intel.Actors;

/// <summary>
/// A galaxy cluster together with the clusters its own galaxy says it superseded (see
/// <see cref="SupersededClusters"/>). This, not the raw cluster, is what merges across galaxies.
/// </summary>
internal sealed class ClusterFamily
{
    public ClusterFamily(GalaxyCluster head, IReadOnlyList<GalaxyCluster> superseded)
    {
        Head = head;
        Members = [head, .. superseded];
        PrimaryNames = Members.Select(c => ActorNames.Normalize(c.Name)).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        Names = Members.SelectMany(c => c.Names).Select(ActorNames.Normalize).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        AttackIds = Members.SelectMany(c => c.AttackIds).ToHashSet(StringComparer.Ordinal);
    }

    public ActorGalaxy Galaxy => Head.Galaxy;

    /// <summary>The current cluster; its name is the family's name.</summary>
    public GalaxyCluster Head { get; }

    /// <summary>The head first, then the superseded clusters.</summary>
    public IReadOnlyList<GalaxyCluster> Members { get; }

    /// <summary>Normalized primary names of every member: a retired name is still that group's own name.</summary>
    public IReadOnlySet<string> PrimaryNames { get; }

    /// <summary>Normalized names of every member, synonyms included.</summary>
    public IReadOnlySet<string> Names { get; }

    public IReadOnlySet<string> AttackIds { get; }

    public override string ToString() => $"{ActorGalaxies.Type(Galaxy)} \"{Head.Name}\"";
}
