using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Http;

/// <summary>
/// The HTTP/1.1 sinkhole: keep-alive and pipelining, every request answered with a fixed response
/// and written to the spool first. An accept thread hands connections to a few epoll event loops
/// (<see cref="HttpEventLoop"/>); each pass of a loop reads every ready connection, answers the
/// requests in memory, writes all their hits with one spool write, and only then sends.
/// </summary>
public sealed class HttpSinkholeServer : IAsyncDisposable
{
    private readonly HttpSinkholeOptions _options;
    private readonly ISinkholeZoneSource _zones;
    private readonly HitSpool _spool;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<HttpEventLoop> _loops = [];
    private readonly List<HttpsListener> _tls = [];
    private Socket? _listener;
    private Thread? _accepting;
    private volatile bool _stopping;
    private int _connections;

    public HttpSinkholeServer(HttpSinkholeOptions options, ISinkholeZoneSource zones, HitSpool spool, ILogger? logger = null, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _zones = zones ?? throw new ArgumentNullException(nameof(zones));
        _spool = spool ?? throw new ArgumentNullException(nameof(spool));
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        if (!HttpSinkholeResponse.IsAllowed(options.Response.Status))
        {
            throw new ArgumentException($"The HTTP sinkhole answers 200, 204, 404 or 410, not {options.Response.Status}.", nameof(options));
        }

        if (options.TlsPorts.Count > 0 && options.Certificate is not { HasPrivateKey: true })
        {
            throw new ArgumentException("TLS ports need a certificate with its private key.", nameof(options));
        }
    }

    public IPEndPoint EndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("Not started.")).LocalEndPoint!;

    /// <summary>Where each TLS port listens, in the order configured.</summary>
    public IReadOnlyList<IPEndPoint> TlsEndPoints => [.. _tls.Select(t => t.EndPoint)];

    /// <summary>Requests answered since start, plain and TLS (every one of them in the spool first).</summary>
    public long Answered => _loops.Sum(l => l.Answered) + _tls.Sum(t => t.Answered);

    internal bool Stopping => _stopping;

    internal ISinkholeZoneSource Zones => _zones;

    internal HitSpool Spool => _spool;

    internal ILogger Logger => _logger;

    internal TimeProvider Time => _time;

    internal HttpSinkholeOptions Options => _options;

    public void Start()
    {
        if (!Epoll.IsSupported)
        {
            throw new PlatformNotSupportedException("The HTTP sinkhole's event loops use Linux epoll.");
        }

        var listener = new Socket(_options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(_options.Address, _options.Port));
            listener.Listen(1024);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        for (var i = 0; i < Math.Max(1, _options.Loops); i++)
        {
            var loop = new HttpEventLoop(this, i);
            _loops.Add(loop);
            loop.Start();
        }

        _accepting = new Thread(AcceptLoop) { IsBackground = true, Name = "http-accept" };
        _accepting.Start();
        Log.Listening(_logger, EndPoint, _loops.Count);
        if (_options.TlsPorts.Count > 0)
        {
            // One certificate context for every port and handshake: the chain is built once, offline.
            var context = SslStreamCertificateContext.Create(_options.Certificate!, additionalCertificates: null, offline: true);
            foreach (var port in _options.TlsPorts)
            {
                var tls = new HttpsListener(this, port, context);
                _tls.Add(tls);
                tls.Start();
                Log.ListeningTls(_logger, tls.EndPoint);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        foreach (var tls in _tls)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
        }

        _listener?.Dispose();
        _accepting?.Join(TimeSpan.FromSeconds(5));
        foreach (var loop in _loops)
        {
            loop.Stop();
        }
    }

    internal void Closed() => Interlocked.Decrement(ref _connections);

    /// <summary>Counts a new connection, plain or TLS; false (close it) past <see cref="HttpSinkholeOptions.MaxConnections"/>.</summary>
    internal bool TryOpenConnection()
    {
        if (Interlocked.Increment(ref _connections) <= _options.MaxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _connections);
        Log.TooManyConnections(_logger, _options.MaxConnections);
        return false;
    }

    private void AcceptLoop()
    {
        var next = 0;
        var source = new byte[16];
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener!.Accept();
            }
            catch (Exception ex) when (ex is ObjectDisposedException || _stopping)
            {
                return;
            }
            catch (SocketException ex)
            {
                // EMFILE and the like: wait a little rather than spin.
                Log.AcceptFailed(_logger, new SocketErrorText(ex.SocketErrorCode));
                Thread.Sleep(10);
                continue;
            }

            if (!TryOpenConnection())
            {
                client.Dispose();
                continue;
            }

            try
            {
                client.Blocking = false;
                client.NoDelay = true;
                var peer = (IPEndPoint)client.RemoteEndPoint!;
                var length = SourceAddress.Read(peer, source, out var port);
                var connection = new HttpConnection(client, _options.MaxRequestHeadBytes + 4096, source[..length].ToArray(), length, port);
                _loops[next++ % _loops.Count].Adopt(connection);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
            {
                Interlocked.Decrement(ref _connections);
                client.Dispose();
            }
        }
    }
}
