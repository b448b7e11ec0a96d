using System.Buffers.Binary;

namespace Rampart.Dns.Wire;

/// <summary>
/// A whole message read into objects: for tests, tools and transfers, never the query path (which
/// uses <see cref="DnsQueryParser"/> and allocates nothing).
/// </summary>
public sealed record DnsMessage(DnsHeader Header, string QuestionName, ushort QuestionType, ushort QuestionClass, IReadOnlyList<DnsRecord> Answers, IReadOnlyList<DnsRecord> Authority, IReadOnlyList<DnsRecord> Additional)
{
    public static DnsParseError TryRead(ReadOnlySpan<byte> message, out DnsMessage? result)
    {
        result = null;
        if (!DnsHeader.TryRead(message, out var header))
        {
            return DnsParseError.ShorterThanHeader;
        }

        Span<byte> name = stackalloc byte[DnsName.MaxLength];
        var position = DnsHeader.Size;
        string questionName = "";
        ushort questionType = 0, questionClass = 0;
        for (var i = 0; i < header.QuestionCount; i++)
        {
            var error = DnsName.Read(message, position, name, out var written, out position);
            if (error != DnsParseError.None)
            {
                return error;
            }

            if (position + 4 > message.Length)
            {
                return DnsParseError.Truncated;
            }

            questionName = DnsName.ToText(name[..written]);
            questionType = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            questionClass = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
            position += 4;
        }

        var sections = new List<DnsRecord>[] { [], [], [] };
        int[] counts = [header.AnswerCount, header.AuthorityCount, header.AdditionalCount];
        for (var section = 0; section < 3; section++)
        {
            for (var i = 0; i < counts[section]; i++)
            {
                var error = DnsName.Read(message, position, name, out var written, out position);
                if (error != DnsParseError.None)
                {
                    return error;
                }

                if (position + 10 > message.Length)
                {
                    return DnsParseError.Truncated;
                }

                var type = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
                var @class = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
                var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(position + 4)..]);
                var length = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 8)..]);
                position += 10;
                if (position + length > message.Length)
                {
                    return DnsParseError.Truncated;
                }

                sections[section].Add(new DnsRecord(DnsName.ToText(name[..written]), type, @class, ttl, message.Slice(position, length).ToArray()));
                position += length;
            }
        }

        result = new DnsMessage(header, questionName, questionType, questionClass, sections[0], sections[1], sections[2]);
        return DnsParseError.None;
    }
}
