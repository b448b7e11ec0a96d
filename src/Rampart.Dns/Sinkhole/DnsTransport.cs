namespace Rampart.Dns.Sinkhole;

/// <summary>How a query arrived; recorded with each hit.</summary>
public enum DnsTransport : byte
{
    Udp = 1,
    Tcp = 2,
}
