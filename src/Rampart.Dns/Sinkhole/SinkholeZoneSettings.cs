using System.Net;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// What every zone of a set shares: the SOA and NS the sinkhole claims, the TTL it gives and the
/// addresses answered where a zone names none.
/// </summary>
public sealed record SinkholeZoneSettings
{
    public static readonly SinkholeZoneSettings Default = new();

    /// <summary>SOA serial; the source bumps it whenever the set changes.</summary>
    public uint Serial { get; init; } = 1;

    /// <summary>TTL of every answer, and the negative-caching TTL (SOA minimum). Five minutes: a victim's resolver comes back soon enough to be seen again.</summary>
    public uint Ttl { get; init; } = 300;

    public IReadOnlyList<string> NameServers { get; init; } = ["ns1.sinkhole.invalid", "ns2.sinkhole.invalid"];

    /// <summary>SOA RNAME in host form: "hostmaster.example" for hostmaster@example.</summary>
    public string Hostmaster { get; init; } = "hostmaster.sinkhole.invalid";

    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];
}
