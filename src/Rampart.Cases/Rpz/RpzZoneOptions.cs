using System.Net;

namespace Rampart.Cases.Rpz;

/// <summary>How an RPZ zone is written.</summary>
public sealed record RpzZoneOptions
{
    /// <summary>The zone's name; resolvers are configured with it.</summary>
    public string Origin { get; init; } = "rpz.rampart";

    public RpzPolicy Policy { get; init; } = RpzPolicy.LocalData;

    /// <summary>The sinkhole's addresses, answered as A/AAAA for <see cref="RpzPolicy.LocalData"/>.</summary>
    public IReadOnlyList<IPAddress> SinkholeAddresses { get; init; } = [];

    /// <summary>TTL of every record: 5 minutes, so a released domain stops being blocked soon after.</summary>
    public int Ttl { get; init; } = 300;

    /// <summary>The primary name server in the SOA and apex NS (RPZ zones are not delegated; <c>localhost.</c> is the convention).</summary>
    public string NameServer { get; init; } = "localhost.";

    /// <summary>The SOA's responsible-person mailbox in name form.</summary>
    public string Mailbox { get; init; } = "hostmaster.rampart.invalid.";

    /// <summary>SOA refresh, retry, expire and negative TTL, in seconds.</summary>
    public (int Refresh, int Retry, int Expire, int Minimum) Timers { get; init; } = (3600, 600, 604800, 300);
}
