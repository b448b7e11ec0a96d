using System.Net;
using System.Net.Sockets;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Sinkhole;

public sealed partial class DnsSinkholeServer
{
    /// <summary>Receive buffer per datagram: a query that does not fit is malformed anyway.</summary>
    private const int UdpReceiveSize = 4096;

    private void UdpLoop()
    {
        var socket = _udp!;
        var batchSize = Math.Max(1, _options.UdpBatch);
        var requests = new byte[batchSize][];
        var requestLengths = new int[batchSize];
        var responses = new byte[batchSize][];
        var responseLengths = new int[batchSize];
        var peers = new SocketAddress[batchSize];
        for (var i = 0; i < batchSize; i++)
        {
            requests[i] = new byte[UdpReceiveSize];
            responses[i] = new byte[Math.Max(SinkholeResponder.ClassicUdpSize, _options.MaxUdpPayload)];
            peers[i] = new SocketAddress(_options.Address.AddressFamily);
        }

        var batch = new SpoolBatch();
        Span<byte> source = stackalloc byte[16];
        while (!_stopping.IsCancellationRequested)
        {
            var count = 0;
            try
            {
                // Block for the first datagram, then take whatever else is already queued.
                requestLengths[0] = socket.ReceiveFrom(requests[0], SocketFlags.None, peers[0]);
                count = 1;
                while (count < batchSize && socket.Available > 0)
                {
                    requestLengths[count] = socket.ReceiveFrom(requests[count], SocketFlags.None, peers[count]);
                    count++;
                }
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (_stopping.IsCancellationRequested || ex.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted)
            {
                return;
            }
            catch (SocketException ex)
            {
                // A peer's ICMP error surfaces on the next receive; it ends nothing.
                Log.UdpReceiveFailed(_logger, new SocketErrorText(ex.SocketErrorCode));
                if (count == 0)
                {
                    continue;
                }
            }

            var zones = _zones.Current;
            var now = UnixMicroseconds();
            batch.Clear();
            for (var i = 0; i < count; i++)
            {
                var request = requests[i].AsSpan(0, requestLengths[i]);
                responseLengths[i] = SinkholeResponder.Respond(request, responses[i], zones, _options.MaxUdpPayload, out var answer);
                if (responseLengths[i] > 0)
                {
                    var sourceLength = SourceAddress.Read(peers[i], source, out var port);
                    var payload = batch.BeginRecord(DnsHitCodec.MaxPayload);
                    batch.EndRecord(DnsHitCodec.Encode(payload, now, DnsTransport.Udp, source[..sourceLength], port, request, answer));
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                _spool.Commit(batch);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // No hit recorded, no answer: the client retries, and nothing answered is missing.
                Log.SpoolFailed(_logger, ex);
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                if (responseLengths[i] > 0)
                {
                    try
                    {
                        socket.SendTo(responses[i].AsSpan(0, responseLengths[i]), SocketFlags.None, peers[i]);
                    }
                    catch (SocketException)
                    {
                        // The hit is recorded; a send the network refuses is the client's loss only.
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                }
            }

            Interlocked.Add(ref _answered, batch.Count);
        }
    }
}
