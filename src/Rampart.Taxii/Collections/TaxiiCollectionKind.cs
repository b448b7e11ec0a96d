namespace Rampart.Taxii.Collections;

/// <summary>What a collection holds: a view over Rampart's STIX objects, or what clients posted to it.</summary>
public enum TaxiiCollectionKind
{
    /// <summary>Every STIX object in the store.</summary>
    All,

    /// <summary>Every STIX indicator object.</summary>
    Indicators,

    /// <summary>The indicator objects whose indicators are attributed to one actor (the argument: its Rampart id).</summary>
    Actor,

    /// <summary>Objects marked at most one TLP level (the argument: clear, green, amber, amber+strict); unmarked counts as CLEAR.</summary>
    Tlp,

    /// <summary>A writable inbox: the objects clients added, each through the normal STIX import.</summary>
    Inbox,

    /// <summary>
    /// A takedown case's infrastructure (the argument: the case id): the indicator objects of the domain
    /// indicators named exactly by the case's domains. Each joins the collection, with its own
    /// <c>date_added</c>, when it is first read after its domain joined the case, so an incremental
    /// reader misses none of what a growing case adds.
    /// </summary>
    Case,
}
