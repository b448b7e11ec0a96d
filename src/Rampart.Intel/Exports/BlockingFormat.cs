namespace Rampart.Intel.Exports;

/// <summary>Files that resolvers, IDS and firewalls load as they are.</summary>
public enum BlockingFormat
{
    /// <summary>Suricata rules: DNS query, TLS SNI and HTTP host per domain, with stable sids.</summary>
    Suricata,

    /// <summary>A Zeek Intel framework file (tab-separated, <c>#fields</c> header).</summary>
    Zeek,

    /// <summary>A hosts file: <c>0.0.0.0 name</c>.</summary>
    Hosts,

    /// <summary>dnsmasq: <c>address=/name/0.0.0.0</c> and <c>::</c>, which covers subdomains.</summary>
    Dnsmasq,

    /// <summary>Unbound: a <c>server:</c> clause of <c>local-zone: "name." always_nxdomain</c>.</summary>
    Unbound,

    /// <summary>Plain IP addresses and CIDR networks, one a line, for firewalls.</summary>
    Ip,
}
