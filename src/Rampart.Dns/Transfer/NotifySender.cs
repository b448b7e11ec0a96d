using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>
/// Tells secondaries that a zone changed (RFC 1996): a NOTIFY over UDP with the zone's SOA, signed
/// with the target's key when it names one, repeated with a doubling wait until the secondary
/// answers with the same id, or the attempts run out.
/// </summary>
public sealed class NotifySender(ZoneTransferOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Sends to every configured secondary at once; returns how many acknowledged.</summary>
    public async Task<int> NotifyAllAsync(TransferZone zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var acknowledged = await Task.WhenAll(options.Notify.Select(t => NotifyAsync(zone, t, cancellationToken))).ConfigureAwait(false);
        return acknowledged.Count(a => a);
    }

    public async Task<bool> NotifyAsync(TransferZone zone, NotifyTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(target);
        var id = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
        var message = Message(zone, id, target);
        using var socket = new Socket(target.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var buffer = new byte[4096];
        var wait = options.NotifyTimeout;
        for (var attempt = 1; attempt <= options.NotifyAttempts; attempt++)
        {
            await socket.SendToAsync(message, SocketFlags.None, target.EndPoint, cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                while (true)
                {
                    var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(target.EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), timeout.Token).ConfigureAwait(false);
                    if (IsAcknowledgement(buffer.AsSpan(0, received.ReceivedBytes), id))
                    {
                        Log.NotifyAcknowledged(logger, zone.OriginText, zone.Serial, target.EndPoint);
                        return true;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                wait *= 2;
            }
            catch (SocketException)
            {
                // ICMP port unreachable: the secondary is not up yet; wait and try again.
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                wait *= 2;
            }
        }

        Log.NotifyUnanswered(logger, zone.OriginText, zone.Serial, target.EndPoint, options.NotifyAttempts);
        return false;
    }

    /// <summary>A NOTIFY: opcode 4, AA, the zone's SOA as the question and its record as the answer (RFC 1996 §3.7).</summary>
    private byte[] Message(TransferZone zone, ushort id, NotifyTarget target)
    {
        var flags = (ushort)(((int)DnsOpcode.Notify << DnsHeaderFlags.OpcodeShift) | DnsHeaderFlags.Authoritative);
        byte[] question = [.. zone.Origin, 0, (byte)DnsType.Soa, 0, (byte)DnsClass.In];
        var message = new TransferMessage(id, flags, question);
        message.AddAnswer(zone.Soa);
        var bytes = message.ToArray();
        if (target.KeyName is null)
        {
            return bytes;
        }

        var key = options.Keys.FirstOrDefault(k => string.Equals(k.Name, target.KeyName.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            Log.NotifyKeyMissing(logger, target.EndPoint, target.KeyName);
            return bytes;
        }

        return Tsig.Sign(bytes, key, [], timersOnly: false, Tsig.Now(time), options.Fudge, TsigError.NoError, [], out _);
    }

    private static bool IsAcknowledgement(ReadOnlySpan<byte> response, ushort id) =>
        DnsHeader.TryRead(response, out var header) && header.IsResponse && header.Id == id && header.Opcode == DnsOpcode.Notify
        && BinaryPrimitives.ReadUInt16BigEndian(response[2..]) is var flags && (flags & DnsHeaderFlags.RcodeMask) == (int)DnsRcode.NoError;
}
