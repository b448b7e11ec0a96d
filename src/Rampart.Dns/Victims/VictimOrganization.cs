namespace Rampart.Dns.Victims;

/// <summary>
/// One organization seen at the sinkhole for a case, ready to be notified: when it was first and last
/// seen, how many hits, from which addresses, and which names they reached. A null
/// <see cref="Organization"/> gathers the sources no table attributes.
/// </summary>
public sealed record VictimOrganization(
    string? Organization,
    long? Asn,
    string? Country,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Hits,
    IReadOnlyList<VictimSource> Sources,
    IReadOnlyList<string> Domains);
