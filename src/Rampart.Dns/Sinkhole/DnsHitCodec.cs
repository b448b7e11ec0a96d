using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// A DNS hit as a spool payload, little-endian: kind (1), time (Unix µs), transport, source address
/// (length, 16 bytes) and port, qtype, qclass, rcode, answer count, flags, the question name in wire
/// form as received, the case id, and the client subnet when there was one.
/// </summary>
public static class DnsHitCodec
{
    public const byte Kind = 1;

    /// <summary>Largest payload: fixed part, a 255-byte name, a 255-byte case id, a subnet.</summary>
    public const int MaxPayload = 40 + 1 + DnsName.MaxLength + 1 + 255 + 21;

    private const byte FlagTruncated = 1;
    private const byte FlagDnssecOk = 2;
    private const byte FlagEdns = 4;
    private const byte FlagClientSubnet = 8;

    internal static int Encode(Span<byte> payload, long unixMicroseconds, DnsTransport transport, ReadOnlySpan<byte> sourceAddress, ushort sourcePort, ReadOnlySpan<byte> message, in SinkholeAnswer answer)
    {
        ref readonly var query = ref answer.Query;
        payload[0] = Kind;
        BinaryPrimitives.WriteInt64LittleEndian(payload[1..], unixMicroseconds);
        payload[9] = (byte)transport;
        payload[10] = (byte)sourceAddress.Length;
        payload.Slice(11, 16).Clear();
        sourceAddress.CopyTo(payload[11..]);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[27..], sourcePort);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[29..], query.Type);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[31..], query.Class);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[33..], (ushort)answer.Rcode);
        payload[35] = answer.AnswerCount;
        payload[36] = (byte)((answer.Truncated ? FlagTruncated : 0) | (query.DnssecOk ? FlagDnssecOk : 0) | (query.HasEdns ? FlagEdns : 0) | (query.HasClientSubnet ? FlagClientSubnet : 0));
        var position = 37;
        var name = query.NameLength > 0 ? message.Slice(DnsQuery.QuestionOffset, query.NameLength) : default;
        payload[position++] = (byte)name.Length;
        name.CopyTo(payload[position..]);
        position += name.Length;
        var caseId = answer.Zone is { } zone ? zone.CaseIdUtf8 : [];
        payload[position++] = (byte)caseId.Length;
        caseId.CopyTo(payload[position..]);
        position += caseId.Length;
        if (query.HasClientSubnet)
        {
            var subnet = query.ClientSubnet;
            BinaryPrimitives.WriteUInt16LittleEndian(payload[position..], subnet.Family);
            payload[position + 2] = subnet.SourcePrefixLength;
            payload[position + 3] = subnet.AddressLength;
            position += 4 + subnet.CopyAddressTo(payload[(position + 4)..]);
        }

        return position;
    }

    /// <summary>Reads a payload back into a hit; false when it is not a DNS hit or is malformed.</summary>
    public static bool TryDecode(string nodeId, long sequence, ReadOnlySpan<byte> payload, out SinkholeHit? hit)
    {
        hit = null;
        if (payload.Length < 39 || payload[0] != Kind || payload[10] is not (4 or 16))
        {
            return false;
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks(BinaryPrimitives.ReadInt64LittleEndian(payload[1..]) * 10);
        var transport = (DnsTransport)payload[9] switch
        {
            DnsTransport.Udp => "dns-udp",
            DnsTransport.Tcp => "dns-tcp",
            _ => "dns",
        };
        var address = new IPAddress(payload.Slice(11, payload[10]));
        var port = BinaryPrimitives.ReadUInt16LittleEndian(payload[27..]);
        var type = BinaryPrimitives.ReadUInt16LittleEndian(payload[29..]);
        var rcode = (DnsRcode)BinaryPrimitives.ReadUInt16LittleEndian(payload[33..]);
        var answers = payload[35];
        var flags = payload[36];
        var position = 37;
        int nameLength = payload[position++];
        if (position + nameLength + 1 > payload.Length)
        {
            return false;
        }

        var name = nameLength == 0 ? "" : DnsName.ToText(payload.Slice(position, nameLength));
        position += nameLength;
        int caseLength = payload[position++];
        if (position + caseLength > payload.Length)
        {
            return false;
        }

        var caseId = caseLength == 0 ? null : Encoding.UTF8.GetString(payload.Slice(position, caseLength));
        position += caseLength;
        string? subnet = null;
        if ((flags & FlagClientSubnet) != 0)
        {
            if (position + 4 > payload.Length || position + 4 + payload[position + 3] > payload.Length || payload[position + 3] > 16)
            {
                return false;
            }

            var family = BinaryPrimitives.ReadUInt16LittleEndian(payload[position..]);
            subnet = new ClientSubnet(family, payload[position + 2], 0, payload.Slice(position + 4, payload[position + 3])).ToString();
        }

        var answer = string.Create(CultureInfo.InvariantCulture, $"{RcodeText(rcode)} {answers}{((flags & FlagTruncated) != 0 ? " TC" : "")}");
        hit = new SinkholeHit($"{nodeId}:{sequence}", nodeId, sequence, time, transport, address.ToString(), port, caseId, name, type, answer, subnet);
        return true;
    }

    private static string RcodeText(DnsRcode rcode) => rcode switch
    {
        DnsRcode.NoError => "NOERROR",
        DnsRcode.FormErr => "FORMERR",
        DnsRcode.ServFail => "SERVFAIL",
        DnsRcode.NxDomain => "NXDOMAIN",
        DnsRcode.NotImp => "NOTIMP",
        DnsRcode.Refused => "REFUSED",
        DnsRcode.BadVers => "BADVERS",
        _ => ((int)rcode).ToString(CultureInfo.InvariantCulture),
    };
}
