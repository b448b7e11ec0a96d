using System.Net;
using DnsClient;

namespace Rampart.Testing;

/// <summary>
/// The DNS client the sinkhole tests ask with: no cache (every question must reach the server and be
/// recorded), DNS errors as answers (REFUSED and NXDOMAIN are what some tests expect), and no TCP
/// fallback (a UDP test must not pass over TCP).
/// </summary>
public static class SinkholeLookupClient
{
    public static LookupClient For(IPEndPoint server) => new(new LookupClientOptions(server)
    {
        UseCache = false,
        Retries = 2,
        Timeout = TimeSpan.FromSeconds(5),
        ThrowDnsErrors = false,
        ContinueOnDnsError = false,
        UseTcpFallback = false,
    });
}
