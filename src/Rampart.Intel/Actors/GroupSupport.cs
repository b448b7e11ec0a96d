namespace Rampart.Intel.Actors;

/// <summary>
/// All links between two groups, summed: how many family pairs share an ATT&amp;CK id, then the summed
/// <see cref="NameAgreement"/>. Ids weigh first because they are curated identifiers; names break
/// the tie, and more galaxies agreeing beats one.
/// </summary>
internal sealed class GroupSupport(ClusterGroup first, ClusterGroup second)
{
    public ClusterGroup First { get; } = first;

    public ClusterGroup Second { get; } = second;

    public int AttackIdLinks { get; private set; }

    public int NameStrength { get; private set; }

    public void Add(ClusterLink link)
    {
        AttackIdLinks += link.SharesAttackId ? 1 : 0;
        NameStrength += (int)link.Names;
    }

    /// <summary>True when this support should merge before <paramref name="other"/>; group keys make ties deterministic.</summary>
    public bool IsStrongerThan(GroupSupport other)
    {
        if (AttackIdLinks != other.AttackIdLinks)
        {
            return AttackIdLinks > other.AttackIdLinks;
        }

        if (NameStrength != other.NameStrength)
        {
            return NameStrength > other.NameStrength;
        }

        var byFirst = First.Key.CompareTo(other.First.Key);
        return byFirst != 0 ? byFirst < 0 : Second.Key.CompareTo(other.Second.Key) < 0;
    }
}
