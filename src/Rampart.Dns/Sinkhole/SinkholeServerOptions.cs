using System.Net;

namespace Rampart.Dns.Sinkhole;

/// <summary>Listener settings of the DNS sinkhole. Every limit on what clients send is named here.</summary>
public sealed record SinkholeServerOptions
{
    /// <summary>Default DNS port: unprivileged, and not 5353 (mDNS).</summary>
    public const int DefaultPort = 5300;

    /// <summary>Loopback unless told otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>UDP and TCP port; 0 picks a free one (the same for both).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Threads receiving on the UDP socket; each owns its buffers and spool batch. Half the cores: the other half runs the kernel's side and the load.</summary>
    public int UdpLoops { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    /// <summary>Datagrams read before their hits are written in one go and their answers sent.</summary>
    public int UdpBatch { get; init; } = 32;

    /// <summary>Largest UDP answer whatever the client offers (DNS flag day 2020: no fragmentation).</summary>
    public int MaxUdpPayload { get; init; } = 1232;

    /// <summary>Open TCP connections at most; more are closed at once.</summary>
    public int MaxTcpConnections { get; init; } = 1024;

    /// <summary>A TCP connection idle this long is closed (RFC 7766 §6.2.3 suggests seconds).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
