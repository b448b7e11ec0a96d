using Rampart.Core.Actors;

namespace Rampart.Intel.Actors;

/// <summary>Turns merged groups into <see cref="Actor"/> records: names, id, country, ATT&amp;CK id, related actors, sources.</summary>
internal static class ActorComposer
{
    private const string IdPrefix = "intrusion-set--";

    public static IReadOnlyList<Actor> Compose(IReadOnlyList<ClusterGroup> groups)
    {
        var groupOfCluster = new Dictionary<Guid, ClusterGroup>();
        foreach (var group in groups)
        {
            foreach (var cluster in Clusters(group))
            {
                groupOfCluster[cluster.Uuid] = group;
            }
        }

        var related = RelatedGroups(groups, groupOfCluster);
        return [.. groups
            .Select(g => Compose(g, related[g]))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    private static Actor Compose(ClusterGroup group, IEnumerable<ClusterGroup> related)
    {
        var clusters = Clusters(group).ToArray();
        var primary = group.Primary.Head;
        return new Actor(
            Id: IdFor(primary),
            Name: primary.Name,
            Country: CountryOf(clusters),
            AttackId: group.Families.FirstOrDefault(f => f.Galaxy == ActorGalaxy.MitreIntrusionSet)?.Head.ExternalId?.ToUpperInvariant(),
            Description: group.Families.Select(f => f.Head.Description).FirstOrDefault(d => d is not null),
            Aliases: AliasesOf(clusters),
            Related: [.. related.Select(g => g.Primary.Head.Name).Distinct(StringComparer.OrdinalIgnoreCase)],
            Sources: [.. group.Families.Select(f => ActorGalaxies.Source(f.Galaxy))]);
    }

    /// <summary>
    /// Actors that <c>related</c> entries connect, in both directions (the galaxies often state a
    /// relation on one side only). Entries pointing outside the actor galaxies (tools, malware) or
    /// inside the same actor (a folded revoked-by) are skipped.
    /// </summary>
    private static Dictionary<ClusterGroup, List<ClusterGroup>> RelatedGroups(IReadOnlyList<ClusterGroup> groups, Dictionary<Guid, ClusterGroup> groupOfCluster)
    {
        var related = groups.ToDictionary(g => g, _ => new List<ClusterGroup>());
        foreach (var group in groups)
        {
            foreach (var relation in Clusters(group).SelectMany(c => c.Related))
            {
                if (groupOfCluster.TryGetValue(relation.Destination, out var other) && !ReferenceEquals(other, group))
                {
                    AddOnce(related[group], other);
                    AddOnce(related[other], group);
                }
            }
        }

        return related;
    }

    private static void AddOnce(List<ClusterGroup> list, ClusterGroup group)
    {
        if (!list.Contains(group))
        {
            list.Add(group);
        }
    }

    /// <summary>
    /// ATT&amp;CK's galaxy uuids are the STIX ids of its intrusion sets, so an actor with an ATT&amp;CK
    /// cluster gets the id every STIX feed uses; otherwise the primary cluster's uuid, equally stable.
    /// </summary>
    private static string IdFor(GalaxyCluster primary) => IdPrefix + primary.Uuid.ToString("D");

    /// <summary>Every family's head first, in precedence order, then the clusters they superseded.</summary>
    private static IEnumerable<GalaxyCluster> Clusters(ClusterGroup group) =>
        group.Families.Select(f => f.Head).Concat(group.Families.SelectMany(f => f.Members.Skip(1)));

    /// <summary>A stated code wins over a mapped country name; among clusters, precedence order decides.</summary>
    private static string? CountryOf(GalaxyCluster[] clusters) =>
        clusters.Select(c => CountryCodes.FromCode(c.Country)).FirstOrDefault(c => c is not null)
        ?? clusters.Select(c => CountryCodes.FromName(c.StateSponsor) ?? CountryCodes.FromName(c.OriginThreat)).FirstOrDefault(c => c is not null);

    /// <summary>Each name once per galaxy (the first spelling), so the same name from two galaxies shows both sources.</summary>
    private static ActorAlias[] AliasesOf(GalaxyCluster[] clusters)
    {
        var seen = new HashSet<(string, ActorGalaxy)>();
        var aliases = new List<ActorAlias>();
        foreach (var cluster in clusters)
        {
            foreach (var name in cluster.Names)
            {
                var normalized = ActorNames.Normalize(name);
                if (normalized.Length > 0 && seen.Add((normalized, cluster.Galaxy)))
                {
                    aliases.Add(new ActorAlias(name, ActorGalaxies.Source(cluster.Galaxy)));
                }
            }
        }

        return [.. aliases];
    }
}
