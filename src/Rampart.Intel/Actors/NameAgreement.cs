namespace Rampart.Intel.Actors;

/// <summary>How strongly the names of two clusters of different galaxies say they are one group; higher is stronger.</summary>
internal enum NameAgreement
{
    /// <summary>Neither lists the other's primary name (sharing some other alias does not count).</summary>
    None = 0,

    /// <summary>One lists the other's primary name as a synonym.</summary>
    OneWay = 1,

    /// <summary>Each lists the other's primary name.</summary>
    Mutual = 2,

    /// <summary>They have the same primary name.</summary>
    SamePrimary = 3,
}
