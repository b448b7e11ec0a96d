using System.Net;

namespace Rampart.Dns.Transfer;

/// <summary>
/// The zone transfer listener's settings; every limit on what clients send is named here. TSIG is
/// required unless switched off, and the listener binds loopback unless told otherwise.
/// </summary>
public sealed record ZoneTransferOptions
{
    /// <summary>Default port: unprivileged, next to the sinkhole's 5300 and never the same.</summary>
    public const int DefaultPort = 5301;

    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP (transfers, SOA) and UDP (SOA only) port; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Every request must carry a valid TSIG from one of <see cref="Keys"/>; unsigned ones are REFUSED.</summary>
    public bool RequireTsig { get; init; } = true;

    public IReadOnlyList<TsigKey> Keys { get; init; } = [];

    /// <summary>Networks allowed to ask at all (empty: any); others are REFUSED before TSIG is looked at.</summary>
    public IReadOnlyList<IPNetwork> AllowFrom { get; init; } = [];

    /// <summary>Secondaries sent a NOTIFY whenever the serial changes (and once at start).</summary>
    public IReadOnlyList<NotifyTarget> Notify { get; init; } = [];

    /// <summary>Clock difference accepted on signed requests, seconds.</summary>
    public ushort Fudge { get; init; } = Tsig.DefaultFudge;

    /// <summary>Open TCP connections at most; more are closed at once. Transfers are few: a handful of secondaries.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>A TCP connection idle this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Records go into messages of at most this many bytes (a TCP message may reach 65,535; 16 KB keeps each send small).</summary>
    public int MaxMessageSize { get; init; } = 16 * 1024;

    /// <summary>NOTIFY attempts per secondary and change before giving up (RFC 1996 §3.6: retry until acknowledged, within reason).</summary>
    public int NotifyAttempts { get; init; } = 5;

    /// <summary>Wait for the first NOTIFY acknowledgement; doubled after each attempt.</summary>
    public TimeSpan NotifyTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
