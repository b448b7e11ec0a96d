using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Dns.Tcp;

namespace Rampart.Dns.Transfer;

/// <summary>
/// The zone transfer listener: AXFR and IXFR over TCP, SOA over TCP and UDP (secondaries check the
/// serial over UDP before they transfer), on a port of its own. The zone is swapped whole by
/// <see cref="Publish"/>; a new serial sends NOTIFY to the configured secondaries. Transfers are
/// rare and small next to queries, so this favours plain code over the sinkhole's batching.
/// </summary>
public sealed class ZoneTransferServer : IAsyncDisposable
{
    private readonly ZoneTransferOptions _options;
    private readonly ZoneTransferResponder _responder;
    private readonly NotifySender _notify;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _notifyLock = new();
    private TransferZone? _zone;
    private Socket? _tcp;
    private Socket? _udp;
    private Task _accepting = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;
    private Task _notifying = Task.CompletedTask;
    private CancellationTokenSource? _notifyRound;

    public ZoneTransferServer(ZoneTransferOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.RequireTsig && options.Keys.Count == 0)
        {
            throw new ArgumentException("TSIG is required but no key is configured: give a key file, or switch TSIG off explicitly", nameof(options));
        }

        time ??= TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _responder = new ZoneTransferResponder(options, time);
        _notify = new NotifySender(options, time, _logger);
    }

    public IPEndPoint EndPoint => (IPEndPoint)(_tcp ?? throw new InvalidOperationException("Not started.")).LocalEndPoint!;

    /// <summary>The zone being served; null until the first <see cref="Publish"/>.</summary>
    public TransferZone? Zone => Volatile.Read(ref _zone);

    /// <summary>The NOTIFY round started by the last new serial (for tests and orderly shutdown).</summary>
    public Task Notifying => _notifying;

    /// <summary>Serves <paramref name="zone"/> from now on; a serial other than the last one notifies the secondaries.</summary>
    public void Publish(TransferZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var previous = Interlocked.Exchange(ref _zone, zone);
        if (previous is not null && previous.Serial == zone.Serial)
        {
            return;
        }

        Log.ZonePublished(_logger, zone.OriginText, zone.Serial, zone.Records.Count);
        if (_options.Notify.Count == 0)
        {
            return;
        }

        lock (_notifyLock)
        {
            // A newer serial replaces a round still retrying for an older one.
            _notifyRound?.Cancel();
            _notifyRound?.Dispose();
            _notifyRound = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var token = _notifyRound.Token;
            _notifying = Task.Run(async () =>
            {
                try
                {
                    await _notify.NotifyAllAsync(zone, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Binds TCP and UDP on the same port (a free one when the port is 0) and starts serving.</summary>
    public void Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var tcp = new Socket(_options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var udp = new Socket(_options.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                tcp.Bind(new IPEndPoint(_options.Address, _options.Port));
                tcp.Listen(64);
                udp.Bind(new IPEndPoint(_options.Address, ((IPEndPoint)tcp.LocalEndPoint!).Port));
                (_tcp, _udp) = (tcp, udp);
                break;
            }
            catch (SocketException) when (_options.Port == 0 && attempt < 20)
            {
                tcp.Dispose();
                udp.Dispose();
            }
            catch
            {
                tcp.Dispose();
                udp.Dispose();
                throw;
            }
        }

        _accepting = new BoundedTcpAcceptor(_tcp!, _options.MaxConnections, ServeConnectionAsync, "Zone transfer", _logger).RunAsync(_stopping.Token);
        _receiving = UdpLoopAsync(_stopping.Token);
        Log.Listening(_logger, EndPoint, _options.RequireTsig ? "required" : "optional",
            _options.Keys.Count == 0 ? "none" : string.Join(", ", _options.Keys),
            _options.AllowFrom.Count == 0 ? "any address" : string.Join(", ", _options.AllowFrom));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _tcp?.Dispose();
        _udp?.Dispose();
        foreach (var task in new[] { _accepting, _receiving, _notifying })
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        _notifyRound?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>One TCP connection: length-prefixed requests (RFC 1035 §4.2.2), answered in order.</summary>
    private async Task ServeConnectionAsync(Socket client, CancellationToken cancellationToken)
    {
        var request = new byte[ushort.MaxValue];
        var prefix = new byte[2];
        var responses = new List<byte[]>();
        try
        {
            client.NoDelay = true;
            var peer = ((IPEndPoint)client.RemoteEndPoint!).Address;
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(_options.IdleTimeout);
                if (!await ReceiveExactlyAsync(client, prefix, idle.Token).ConfigureAwait(false))
                {
                    return;
                }

                var length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
                if (!await ReceiveExactlyAsync(client, request.AsMemory(0, length), idle.Token).ConfigureAwait(false))
                {
                    return;
                }

                responses.Clear();
                var outcome = _responder.Respond(request.AsSpan(0, length), peer, Zone, overTcp: true, responses);
                Log.Answered(_logger, peer, "TCP", outcome);
                foreach (var response in responses)
                {
                    var framed = new byte[response.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)response.Length);
                    response.CopyTo(framed, 2);
                    await client.SendAsync(framed, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed, idle or shutting down.
        }
    }

    private static async Task<bool> ReceiveExactlyAsync(Socket client, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await client.ReceiveAsync(buffer[filled..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }

    private async Task UdpLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[ushort.MaxValue];
        var responses = new List<byte[]>();
        var any = new IPEndPoint(_options.Address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp!.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException || (ex is SocketException && cancellationToken.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var peer = (IPEndPoint)received.RemoteEndPoint;
            responses.Clear();
            var outcome = _responder.Respond(buffer.AsSpan(0, received.ReceivedBytes), peer.Address, Zone, overTcp: false, responses);
            Log.Answered(_logger, peer.Address, "UDP", outcome);
            foreach (var response in responses)
            {
                try
                {
                    await _udp.SendToAsync(response, SocketFlags.None, peer, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // The asker is gone; nothing to do.
                }
            }
        }
    }
}
