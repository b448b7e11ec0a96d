using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Sinkhole;

public sealed partial class DnsSinkholeServer
{
    /// <summary>
    /// One TCP connection (RFC 7766): every complete length-prefixed query in what arrived is
    /// answered in order, their hits committed in one write, then all answers sent in one send.
    /// </summary>
    private async Task ServeConnectionAsync(Socket client, CancellationToken cancellationToken)
    {
        var input = ArrayPool<byte>.Shared.Rent(2 + ushort.MaxValue + 4096);
        var output = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var response = ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        var batch = new SpoolBatch(16 * 1024);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            client.NoDelay = true;
            var peer = (IPEndPoint)client.RemoteEndPoint!;
            var source = new byte[16];
            var sourceLength = SourceAddress.Read(peer, source, out var port);
            var filled = 0;
            while (true)
            {
                idle.CancelAfter(_options.TcpIdleTimeout);
                var read = await client.ReceiveAsync(input.AsMemory(filled), SocketFlags.None, idle.Token);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                var consumed = 0;
                var written = 0;
                var zones = _zones.Current;
                var now = UnixMicroseconds();
                batch.Clear();
                while (filled - consumed >= 2)
                {
                    var length = BinaryPrimitives.ReadUInt16BigEndian(input.AsSpan(consumed));
                    if (filled - consumed - 2 < length)
                    {
                        break;
                    }

                    var request = input.AsSpan(consumed + 2, length);
                    consumed += 2 + length;
                    var responseLength = SinkholeResponder.Respond(request, response, zones, 0, out var answer);
                    if (responseLength == 0)
                    {
                        continue;
                    }

                    var payload = batch.BeginRecord(DnsHitCodec.MaxPayload);
                    batch.EndRecord(DnsHitCodec.Encode(payload, now, DnsTransport.Tcp, source.AsSpan(0, sourceLength), port, request, answer));
                    if (output.Length - written < responseLength + 2)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(output.Length * 2, written + responseLength + 2));
                        output.AsSpan(0, written).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(output);
                        output = larger;
                    }

                    BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(written), (ushort)responseLength);
                    response.AsSpan(0, responseLength).CopyTo(output.AsSpan(written + 2));
                    written += responseLength + 2;
                }

                if (batch.Count > 0)
                {
                    _spool.Commit(batch);
                    Interlocked.Add(ref _answered, batch.Count);
                    var sent = 0;
                    while (sent < written)
                    {
                        sent += await client.SendAsync(output.AsMemory(sent, written - sent), SocketFlags.None, idle.Token);
                    }
                }

                // Keep the start of an incomplete message for the next read.
                input.AsSpan(consumed, filled - consumed).CopyTo(input);
                filled -= consumed;
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed, idle or shutting down.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The spool refused the batch: nothing of it is answered; the client will retry.
            Log.SpoolFailed(_logger, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
            ArrayPool<byte>.Shared.Return(response);
        }
    }
}
