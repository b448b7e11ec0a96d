namespace Rampart.Dns.Victims;

/// <summary>
/// Who a source address belongs to. <see cref="Organization"/> is the longest matching organization
/// network's, else the AS holder's ("AS64500 Example Net") from an ASN table, else null (unattributed).
/// <see cref="Network"/> is the network that gave the organization.
/// </summary>
public sealed record VictimAttribution(string? Organization, long? Asn, string? Country, string? Network)
{
    public static VictimAttribution Unattributed { get; } = new(null, null, null, null);
}
