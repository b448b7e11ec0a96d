using Rampart.Core.Actors;

namespace Rampart.Intel.Actors;

/// <summary>
/// Folds clusters that their own galaxy marks as an older record of another cluster into that cluster.
/// This is the only way two clusters of one galaxy end up in one actor, and it applies only to the
/// single-curator galaxies, where one curator names one group once:
/// <list type="bullet">
/// <item>ATT&amp;CK: an intrusion set with a <c>revoked-by</c> relation (Stolen Pencil G0086 → Kimsuky G0094).</item>
/// <item>Microsoft: a cluster whose name is listed as a synonym of exactly one other Microsoft cluster,
/// which is how the galaxy records the 2023 renaming (STRONTIUM → Forest Blizzard, BARIUM → Brass Typhoon).</item>
/// </list>
/// The threat-actor galaxy aggregates many vendors whose groupings overlap without being equal
/// (APT43 is listed under Kimsuky and is an entry of its own), so its clusters are never folded.
/// A cluster is folded only into one that is not itself superseded, so there are no chains or cycles.
/// </summary>
internal static class SupersededClusters
{
    public static IReadOnlyList<ClusterFamily> Fold(IReadOnlyList<GalaxyCluster> clusters, ActorGalaxy galaxy)
    {
        var successor = galaxy switch
        {
            ActorGalaxy.MitreIntrusionSet => RevokedBy(clusters),
            ActorGalaxy.MicrosoftActivityGroup => RenamedTo(clusters),
            ActorGalaxy.ThreatActor => [],
        };

        var superseded = new Dictionary<Guid, List<GalaxyCluster>>();
        foreach (var cluster in clusters)
        {
            if (successor.TryGetValue(cluster.Uuid, out var target) && !successor.ContainsKey(target))
            {
                if (!superseded.TryGetValue(target, out var list))
                {
                    superseded[target] = list = [];
                }

                list.Add(cluster);
            }
        }

        return [.. clusters
            .Where(c => !successor.TryGetValue(c.Uuid, out var target) || successor.ContainsKey(target))
            .Select(c => new ClusterFamily(c, superseded.TryGetValue(c.Uuid, out var list) ? list : []))];
    }

    private static Dictionary<Guid, Guid> RevokedBy(IReadOnlyList<GalaxyCluster> clusters)
    {
        var known = clusters.Select(c => c.Uuid).ToHashSet();
        var successor = new Dictionary<Guid, Guid>();
        foreach (var cluster in clusters)
        {
            var revokers = cluster.Related
                .Where(r => r.Type == GalaxyRelation.RevokedBy && r.Destination != cluster.Uuid && known.Contains(r.Destination))
                .Select(r => r.Destination)
                .Distinct()
                .ToArray();
            if (revokers.Length == 1)
            {
                successor[cluster.Uuid] = revokers[0];
            }
        }

        return successor;
    }

    private static Dictionary<Guid, Guid> RenamedTo(IReadOnlyList<GalaxyCluster> clusters)
    {
        var listedBy = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            foreach (var synonym in cluster.Names.Skip(1).Select(ActorNames.Normalize).Distinct(StringComparer.Ordinal))
            {
                if (!listedBy.TryGetValue(synonym, out var owners))
                {
                    listedBy[synonym] = owners = [];
                }

                owners.Add(cluster.Uuid);
            }
        }

        var successor = new Dictionary<Guid, Guid>();
        foreach (var cluster in clusters)
        {
            if (listedBy.TryGetValue(ActorNames.Normalize(cluster.Name), out var owners)
                && owners.Where(o => o != cluster.Uuid).ToArray() is [var only])
            {
                successor[cluster.Uuid] = only;
            }
        }

        return successor;
    }
}
