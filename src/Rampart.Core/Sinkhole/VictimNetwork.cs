namespace Rampart.Core.Sinkhole;

/// <summary>
/// One row of an imported network table: a network in normalized CIDR form (<c>192.0.2.0/24</c>,
/// <c>2001:db8::/32</c>) and what it belongs to. In an ASN table <see cref="Organization"/> is the AS holder's name.
/// </summary>
public sealed record VictimNetwork(string Network, string? Organization, long? Asn, string? Country);
