namespace Rampart.Intel.Actors;

/// <summary>
/// Finds every pair of families, from different galaxies, that the merge rule allows to be one actor:
/// they share an ATT&amp;CK group id, or one lists the other's primary name. Aliases they merely share
/// ("Grizzly Steppe" under APT28 and APT29) and <c>related</c> links are never evidence.
/// </summary>
internal static class ClusterLinker
{
    public static IReadOnlyList<ClusterLink> Link(IReadOnlyList<ClusterFamily> families)
    {
        var byName = Index(families, f => f.Names);
        var byAttackId = Index(families, f => f.AttackIds);

        var links = new List<ClusterLink>();
        var seen = new HashSet<(ClusterFamily, ClusterFamily)>();
        foreach (var family in families)
        {
            // A family's primary name found among another's names covers OneWay, Mutual and SamePrimary
            // from this side; the other side finds the pairs where only its primary name is listed.
            var candidates = family.PrimaryNames.SelectMany(n => byName.GetValueOrDefault(n, []))
                .Concat(family.AttackIds.SelectMany(id => byAttackId.GetValueOrDefault(id, [])));
            foreach (var other in candidates)
            {
                if (other.Galaxy == family.Galaxy)
                {
                    continue;
                }

                var (first, second) = family.Head.Uuid.CompareTo(other.Head.Uuid) < 0 ? (family, other) : (other, family);
                if (seen.Add((first, second)))
                {
                    links.Add(new ClusterLink(first, second, first.AttackIds.Overlaps(second.AttackIds), Agreement(first, second)));
                }
            }
        }

        return links;
    }

    internal static NameAgreement Agreement(ClusterFamily a, ClusterFamily b)
    {
        if (a.PrimaryNames.Overlaps(b.PrimaryNames))
        {
            return NameAgreement.SamePrimary;
        }

        var aListsB = b.PrimaryNames.Overlaps(a.Names);
        var bListsA = a.PrimaryNames.Overlaps(b.Names);
        return (aListsB, bListsA) switch
        {
            (true, true) => NameAgreement.Mutual,
            (true, false) or (false, true) => NameAgreement.OneWay,
            (false, false) => NameAgreement.None,
        };
    }

    private static Dictionary<string, List<ClusterFamily>> Index(IReadOnlyList<ClusterFamily> families, Func<ClusterFamily, IEnumerable<string>> keys)
    {
        var index = new Dictionary<string, List<ClusterFamily>>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            foreach (var key in keys(family))
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                list.Add(family);
            }
        }

        return index;
    }
}
