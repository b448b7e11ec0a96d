using System.Buffers.Binary;

namespace Rampart.Dns.Wire;

/// <summary>
/// Reads a query from a span with every bound checked and nothing allocated. The outcome says what
/// kind of answer, if any, the message deserves; see <see cref="DnsQueryStatus"/>.
/// </summary>
public static class DnsQueryParser
{
    private const int EdnsDnssecOk = 0x8000;

    public static DnsQueryStatus Parse(ReadOnlySpan<byte> message, out DnsQuery query, out DnsParseError error)
    {
        query = default;
        error = DnsParseError.None;
        if (!DnsHeader.TryRead(message, out var header))
        {
            error = DnsParseError.ShorterThanHeader;
            return DnsQueryStatus.Drop;
        }

        query.Id = header.Id;
        query.Flags = header.Flags;
        if (header.IsResponse)
        {
            return DnsQueryStatus.Drop;
        }

        if (header.Opcode != DnsOpcode.Query)
        {
            return DnsQueryStatus.NotImplemented;
        }

        if (header.QuestionCount != 1)
        {
            error = DnsParseError.QuestionCount;
            return DnsQueryStatus.FormatError;
        }

        error = DnsName.MeasureUncompressed(message, DnsQuery.QuestionOffset, out var nameLength);
        query.NameLength = nameLength;
        if (error != DnsParseError.None)
        {
            return DnsQueryStatus.FormatError;
        }

        var position = DnsQuery.QuestionOffset + query.NameLength;
        if (position + 4 > message.Length)
        {
            error = DnsParseError.Truncated;
            return DnsQueryStatus.FormatError;
        }

        query.Type = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
        query.Class = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
        position += 4;

        var records = header.AnswerCount + header.AuthorityCount + header.AdditionalCount;
        var firstAdditional = header.AnswerCount + header.AuthorityCount;
        for (var i = 0; i < records; i++)
        {
            var ownerStart = position;
            error = DnsName.Skip(message, position, out position);
            if (error != DnsParseError.None)
            {
                return DnsQueryStatus.FormatError;
            }

            if (position + 10 > message.Length)
            {
                error = DnsParseError.Truncated;
                return DnsQueryStatus.FormatError;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            var rdLength = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 8)..]);
            var rdata = position + 10;
            if (rdata + rdLength > message.Length)
            {
                error = DnsParseError.Truncated;
                return DnsQueryStatus.FormatError;
            }

            if (type == DnsType.Opt)
            {
                // One OPT, in the additional section, owned by the root (RFC 6891 §6.1.1).
                if (query.HasEdns || i < firstAdditional || position != ownerStart + 1)
                {
                    error = DnsParseError.BadOpt;
                    return DnsQueryStatus.FormatError;
                }

                query.HasEdns = true;
                query.UdpPayloadSize = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
                var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(position + 4)..]);
                query.EdnsVersion = (byte)(ttl >> 16);
                query.DnssecOk = (ttl & EdnsDnssecOk) != 0;
                error = ReadOptions(message.Slice(rdata, rdLength), ref query);
                if (error != DnsParseError.None)
                {
                    return DnsQueryStatus.FormatError;
                }
            }

            position = rdata + rdLength;
        }

        if (position != message.Length)
        {
            error = DnsParseError.TrailingData;
            return DnsQueryStatus.FormatError;
        }

        return DnsQueryStatus.Query;
    }

    private static DnsParseError ReadOptions(ReadOnlySpan<byte> options, ref DnsQuery query)
    {
        var position = 0;
        while (position < options.Length)
        {
            if (position + 4 > options.Length)
            {
                return DnsParseError.BadOption;
            }

            var code = BinaryPrimitives.ReadUInt16BigEndian(options[position..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(options[(position + 2)..]);
            position += 4;
            if (position + length > options.Length)
            {
                return DnsParseError.BadOption;
            }

            // Unknown options are ignored (RFC 6891 §6.1.2); client subnet is read for the hit record.
            if (code == ClientSubnet.OptionCode)
            {
                var error = ReadClientSubnet(options.Slice(position, length), ref query);
                if (error != DnsParseError.None)
                {
                    return error;
                }
            }

            position += length;
        }

        return DnsParseError.None;
    }

    private static DnsParseError ReadClientSubnet(ReadOnlySpan<byte> option, ref DnsQuery query)
    {
        if (option.Length < 4 || query.HasClientSubnet)
        {
            return DnsParseError.BadClientSubnet;
        }

        var family = BinaryPrimitives.ReadUInt16BigEndian(option);
        var source = option[2];
        var scope = option[3];
        var maxPrefix = family switch
        {
            1 => 32,
            2 => 128,
            _ => -1,
        };
        // RFC 7871 §7.1.1: unknown family, prefix too long, or address bytes not ceil(source/8) → FORMERR.
        if (maxPrefix < 0 || source > maxPrefix || option.Length - 4 != (source + 7) / 8)
        {
            return DnsParseError.BadClientSubnet;
        }

        query.HasClientSubnet = true;
        query.ClientSubnet = new ClientSubnet(family, source, scope, option[4..]);
        return DnsParseError.None;
    }
}
