namespace Rampart.Intel.Actors;

/// <summary>The families that become one actor: at most one per galaxy, kept in galaxy precedence order.</summary>
internal sealed class ClusterGroup
{
    private readonly List<ClusterFamily> _families;

    /// <summary>One bit per <see cref="ActorGalaxy"/> present: the join check runs for every link in every round.</summary>
    private int _galaxies;

    public ClusterGroup(ClusterFamily family)
    {
        _families = [family];
        _galaxies = Bit(family.Galaxy);
        Key = family.Head.Uuid;
    }

    public IReadOnlyList<ClusterFamily> Families => _families;

    /// <summary>The smallest head uuid: a stable order for ties, whatever order the files list clusters in.</summary>
    public Guid Key { get; private set; }

    /// <summary>The family that gives the actor its name, id and description (ATT&amp;CK before threat-actor before Microsoft).</summary>
    public ClusterFamily Primary => _families[0];

    /// <summary>True when the two groups have no galaxy in common, so joining them keeps one family per galaxy.</summary>
    public bool CanJoin(ClusterGroup other) => (_galaxies & other._galaxies) == 0;

    public void Absorb(ClusterGroup other)
    {
        _families.AddRange(other._families);
        _galaxies |= other._galaxies;
        _families.Sort((a, b) => a.Galaxy.CompareTo(b.Galaxy));
        Key = Key.CompareTo(other.Key) <= 0 ? Key : other.Key;
    }

    private static int Bit(ActorGalaxy galaxy) => 1 << (int)galaxy;

    public override string ToString() => string.Join(" + ", _families);
}
