namespace Rampart.Core.Sinkhole;

/// <summary>What an imported network table says about the addresses in it.</summary>
public enum VictimTableKind
{
    /// <summary>Network → organization (with its ASN and country when the table has them).</summary>
    Organizations,

    /// <summary>Network → autonomous system (number, holder, country): the fallback when no organization network matches.</summary>
    Asn,
}
