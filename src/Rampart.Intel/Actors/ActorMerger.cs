namespace Rampart.Intel.Actors;

/// <summary>
/// Joins families into actors, one-to-one across galaxies. Every family starts as its own group; the
/// pair of groups with the strongest <see cref="GroupSupport"/> is joined, and again, as long as a
/// join keeps at most one family per galaxy. So when one cluster could join several clusters of
/// another galaxy (APT17's refs name ATT&amp;CK G0025 APT17 and G0001 Axiom), the id link whose names
/// also agree wins and the others stay actors of their own; and a Microsoft group joins the actor
/// that both other galaxies agree on rather than a lone cluster that lists one of its names.
/// Links are only direct evidence between two families (see <see cref="ClusterLinker"/>), so nothing
/// joins through a shared alias or a <c>related</c> link.
/// </summary>
internal static class ActorMerger
{
    public static IReadOnlyList<ClusterGroup> Merge(IReadOnlyList<ClusterFamily> families, IReadOnlyList<ClusterLink> links)
    {
        var groupOf = families.ToDictionary(f => f, f => new ClusterGroup(f));
        var linksOf = families.ToDictionary(f => f, _ => new List<ClusterLink>());
        foreach (var link in links)
        {
            linksOf[link.First].Add(link);
            linksOf[link.Second].Add(link);
        }

        var supports = new Dictionary<(ClusterGroup, ClusterGroup), GroupSupport>();
        foreach (var link in links)
        {
            AddSupport(supports, groupOf, link);
        }

        // A join changes only the support of pairs that involve the joined groups, so only those are
        // summed again (~450 links, ~300 joins on the shipped data).
        while (Strongest(supports.Values) is { } best)
        {
            var (kept, absorbed) = (best.First, best.Second);
            kept.Absorb(absorbed);
            foreach (var family in absorbed.Families)
            {
                groupOf[family] = kept;
            }

            foreach (var stale in supports.Keys.Where(k => Involves(k, kept) || Involves(k, absorbed)).ToArray())
            {
                supports.Remove(stale);
            }

            foreach (var family in kept.Families)
            {
                foreach (var link in linksOf[family])
                {
                    AddSupport(supports, groupOf, link);
                }
            }
        }

        return [.. groupOf.Values.Distinct().OrderBy(g => g.Key)];
    }

    private static void AddSupport(Dictionary<(ClusterGroup, ClusterGroup), GroupSupport> supports, Dictionary<ClusterFamily, ClusterGroup> groupOf, ClusterLink link)
    {
        var a = groupOf[link.First];
        var b = groupOf[link.Second];
        if (!a.CanJoin(b))
        {
            return;
        }

        var (first, second) = a.Key.CompareTo(b.Key) < 0 ? (a, b) : (b, a);
        if (!supports.TryGetValue((first, second), out var support))
        {
            supports[(first, second)] = support = new GroupSupport(first, second);
        }

        support.Add(link);
    }

    private static bool Involves((ClusterGroup First, ClusterGroup Second) key, ClusterGroup group) =>
        ReferenceEquals(key.First, group) || ReferenceEquals(key.Second, group);

    private static GroupSupport? Strongest(IEnumerable<GroupSupport> supports)
    {
        GroupSupport? best = null;
        foreach (var support in supports)
        {
            if (best is null || support.IsStrongerThan(best))
            {
                best = support;
            }
        }

        return best;
    }
}
