using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Rampart.Dns.Http;

/// <summary>Listener settings of the HTTP sinkhole. Every limit on what clients send is named here.</summary>
public sealed record HttpSinkholeOptions
{
    /// <summary>Default HTTP port: unprivileged, beside the platform's 8080.</summary>
    public const int DefaultPort = 8081;

    /// <summary>Loopback unless told otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// TLS ports (on <see cref="Address"/>), each answered and recorded like <see cref="Port"/> with the client's TLS server
    /// name added; 0 picks a free one. Empty: no TLS. Needs <see cref="Certificate"/>.
    /// </summary>
    public IReadOnlyList<int> TlsPorts { get; init; } = [];

    /// <summary>The certificate (with its private key) every TLS port presents, whatever name the client asks for.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>A TLS handshake not finished in this long is dropped (a client that connects and sends nothing).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Event loops (threads), each with its own epoll set, connections and spool batch.</summary>
    public int Loops { get; init; } = Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    /// <summary>What a request for a sinkholed host gets.</summary>
    public HttpSinkholeResponse Response { get; init; } = new();

    /// <summary>Request line plus headers at most (Kestrel's default is 32 KiB; browsers send well under 8).</summary>
    public int MaxRequestHeadBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// A longer declared body is answered 413 and the connection closed; its length is recorded, no hash. A chunked
    /// body is refused the same way at the chunk that would pass it (the bytes decoded so far are recorded).
    /// </summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>A chunk-size line with its extensions at most (Kestrel allows no extension data worth keeping; 4 KiB is generous).</summary>
    public int MaxChunkLineBytes { get; init; } = 4096;

    /// <summary>Open connections at most; more are closed at once.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>A connection that sends nothing for this long is closed (also bounds a slowly sent head).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
