using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Dns.Spool;
using Rampart.Dns.Tcp;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// The authoritative DNS sinkhole on UDP and TCP. Every answered query is first written to the
/// spool: a batch of queries is read, answered in memory, its hits handed to the kernel with one
/// write, and only then are the answers sent. UDP runs on a few dedicated threads doing blocking,
/// allocation-free socket calls; TCP connections are served asynchronously with pipelining.
/// </summary>
public sealed partial class DnsSinkholeServer : IAsyncDisposable
{
    private readonly SinkholeServerOptions _options;
    private readonly ISinkholeZoneSource _zones;
    private readonly HitSpool _spool;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Thread> _udpThreads = [];
    private Socket? _udp;
    private Socket? _tcp;
    private Task? _accepting;
    private long _answered;

    public DnsSinkholeServer(SinkholeServerOptions options, ISinkholeZoneSource zones, HitSpool spool, ILogger? logger = null, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _zones = zones ?? throw new ArgumentNullException(nameof(zones));
        _spool = spool ?? throw new ArgumentNullException(nameof(spool));
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public IPEndPoint UdpEndPoint => (IPEndPoint)(_udp ?? throw new InvalidOperationException("Not started.")).LocalEndPoint!;

    public IPEndPoint TcpEndPoint => (IPEndPoint)(_tcp ?? throw new InvalidOperationException("Not started.")).LocalEndPoint!;

    /// <summary>Queries answered since start (every one of them in the spool first).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Binds UDP and TCP on the same port (a free one when the port is 0) and starts serving.</summary>
    public void Start()
    {
        // With port 0 the UDP port is chosen first; TCP may find it taken, so try a few.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(_options.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            var tcp = new Socket(_options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                udp.ReceiveBufferSize = 4 * 1024 * 1024;
                udp.Bind(new IPEndPoint(_options.Address, _options.Port));
                tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                tcp.Bind(new IPEndPoint(_options.Address, ((IPEndPoint)udp.LocalEndPoint!).Port));
                tcp.Listen(512);
                _udp = udp;
                _tcp = tcp;
                break;
            }
            catch (SocketException) when (_options.Port == 0 && attempt < 20)
            {
                udp.Dispose();
                tcp.Dispose();
            }
            catch
            {
                udp.Dispose();
                tcp.Dispose();
                throw;
            }
        }

        for (var i = 0; i < Math.Max(1, _options.UdpLoops); i++)
        {
            var thread = new Thread(UdpLoop) { IsBackground = true, Name = $"dns-udp-{i}" };
            _udpThreads.Add(thread);
            thread.Start();
        }

        _accepting = new BoundedTcpAcceptor(_tcp!, _options.MaxTcpConnections, ServeConnectionAsync, "DNS sinkhole", _logger).RunAsync(_stopping.Token);
        Log.Listening(_logger, UdpEndPoint, TcpEndPoint, _zones.Current.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _udp?.Dispose();
        _tcp?.Dispose();
        foreach (var thread in _udpThreads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        if (_accepting is not null)
        {
            try
            {
                await _accepting;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stopping.Dispose();
    }

    private long UnixMicroseconds() => (_time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
}
