using System.Buffers.Binary;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>
/// A TSIG record as read from a message (RFC 8945 §4.2). <see cref="Offset"/> is where the record
/// starts: the MAC covers the message up to there, with ARCOUNT one less and the original id.
/// </summary>
public sealed record TsigRecord(
    byte[] KeyNameWire,
    string Algorithm,
    long TimeSigned,
    ushort Fudge,
    byte[] Mac,
    ushort OriginalId,
    TsigError Error,
    byte[] OtherData,
    int Offset)
{
    /// <summary>Fixed fields of the RDATA after the algorithm name: time 6, fudge 2, MAC size 2, original id 2, error 2, other length 2.</summary>
    private const int FixedRdata = 16;

    /// <summary>The key name in presentation form, lower case.</summary>
    public string KeyName => DnsName.ToText(KeyNameWire).ToLowerInvariant();

    /// <summary>
    /// Reads the message's TSIG record if it has one. <paramref name="tsig"/> is null with
    /// <see cref="TsigParseError.None"/> when the message is unsigned. Never throws on input.
    /// </summary>
    public static TsigParseError TryRead(ReadOnlySpan<byte> message, out TsigRecord? tsig)
    {
        tsig = null;
        if (!DnsHeader.TryRead(message, out var header))
        {
            return TsigParseError.BadMessage;
        }

        var position = DnsHeader.Size;
        for (var i = 0; i < header.QuestionCount; i++)
        {
            if (DnsName.Skip(message, position, out position) != DnsParseError.None || position + 4 > message.Length)
            {
                return TsigParseError.BadMessage;
            }

            position += 4;
        }

        var records = header.AnswerCount + header.AuthorityCount + header.AdditionalCount;
        Span<byte> name = stackalloc byte[DnsName.MaxLength];
        for (var i = 0; i < records; i++)
        {
            var start = position;
            if (DnsName.Read(message, position, name, out var nameLength, out position) != DnsParseError.None || position + 10 > message.Length)
            {
                return TsigParseError.BadMessage;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            var @class = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(position + 4)..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 8)..]);
            var rdata = position + 10;
            if (rdata + length > message.Length)
            {
                return TsigParseError.BadMessage;
            }

            position = rdata + length;
            if (type != DnsType.Tsig)
            {
                continue;
            }

            if (i != records - 1 || header.AdditionalCount == 0)
            {
                return TsigParseError.NotLast;
            }

            if (@class != DnsClass.Any || ttl != 0)
            {
                return TsigParseError.BadClassOrTtl;
            }

            if (position != message.Length)
            {
                return TsigParseError.TrailingData;
            }

            return ReadRdata(message.Slice(rdata, length), name[..nameLength].ToArray(), start, out tsig);
        }

        return position == message.Length ? TsigParseError.None : TsigParseError.TrailingData;
    }

    private static TsigParseError ReadRdata(ReadOnlySpan<byte> rdata, byte[] keyName, int offset, out TsigRecord? tsig)
    {
        tsig = null;
        // The algorithm name is never compressed (RFC 8945 §4.2); MeasureUncompressed refuses pointers.
        if (DnsName.MeasureUncompressed(rdata, 0, out var algorithmLength) != DnsParseError.None)
        {
            return TsigParseError.BadAlgorithmName;
        }

        var fields = rdata[algorithmLength..];
        if (fields.Length < FixedRdata)
        {
            return TsigParseError.BadRdata;
        }

        var time = ((long)BinaryPrimitives.ReadUInt16BigEndian(fields) << 32) | BinaryPrimitives.ReadUInt32BigEndian(fields[2..]);
        var fudge = BinaryPrimitives.ReadUInt16BigEndian(fields[6..]);
        var macLength = BinaryPrimitives.ReadUInt16BigEndian(fields[8..]);
        if (fields.Length < FixedRdata + macLength)
        {
            return TsigParseError.BadRdata;
        }

        var mac = fields.Slice(10, macLength).ToArray();
        var rest = fields[(10 + macLength)..];
        var originalId = BinaryPrimitives.ReadUInt16BigEndian(rest);
        var error = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
        var otherLength = BinaryPrimitives.ReadUInt16BigEndian(rest[4..]);
        if (rest.Length != 6 + otherLength)
        {
            return TsigParseError.BadRdata;
        }

        var algorithm = DnsName.ToText(rdata[..algorithmLength]).ToLowerInvariant();
        tsig = new TsigRecord(keyName, algorithm, time, fudge, mac, originalId, (TsigError)error, rest[6..].ToArray(), offset);
        return TsigParseError.None;
    }
}
