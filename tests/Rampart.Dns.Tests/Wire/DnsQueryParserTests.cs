using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Wire;

public class DnsQueryParserTests
{
    [Fact]
    public void Reads_the_question_of_a_plain_query()
    {
        var message = QueryBuilder.Query("www.Evil.example", DnsType.Aaaa);

        var status = DnsQueryParser.Parse(message, out var query, out var error);

        Assert.Equal(DnsQueryStatus.Query, status);
        Assert.Equal(DnsParseError.None, error);
        Assert.Equal(0x1234, query.Id);
        Assert.Equal(DnsType.Aaaa, query.Type);
        Assert.Equal(DnsClass.In, query.Class);
        Assert.Equal(18, query.NameLength);
        Assert.False(query.HasEdns);
    }

    [Fact]
    public void Reads_edns_payload_size_version_do_bit_and_client_subnet()
    {
        var subnet = QueryBuilder.ClientSubnetOption(1, 24, 198, 51, 100);
        var message = QueryBuilder.Query("evil.example", edns: new Edns(4096, 0, DnssecOk: true, Options: [.. subnet, 0, 100, 0, 2, 9, 9]));

        var status = DnsQueryParser.Parse(message, out var query, out _);

        Assert.Equal(DnsQueryStatus.Query, status);
        Assert.True(query.HasEdns);
        Assert.Equal(4096, query.UdpPayloadSize);
        Assert.True(query.DnssecOk);
        Assert.True(query.HasClientSubnet);
        Assert.Equal("198.51.100.0/24", query.ClientSubnet.ToString());
    }

    [Fact]
    public void Drops_a_message_shorter_than_a_header_and_any_response()
    {
        Assert.Equal(DnsQueryStatus.Drop, DnsQueryParser.Parse(new byte[11], out _, out var error));
        Assert.Equal(DnsParseError.ShorterThanHeader, error);
        var response = QueryBuilder.Query("evil.example", flags: DnsHeaderFlags.Response);
        Assert.Equal(DnsQueryStatus.Drop, DnsQueryParser.Parse(response, out _, out _));
    }

    [Fact]
    public void Flags_an_unknown_opcode_before_reading_the_question()
    {
        var message = new QueryBuilder().U16(7).U16(15 << DnsHeaderFlags.OpcodeShift).U16(0).U16(0).U16(0).U16(0).ToArray();

        Assert.Equal(DnsQueryStatus.NotImplemented, DnsQueryParser.Parse(message, out _, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Rejects_a_query_without_exactly_one_question(ushort questions)
    {
        var message = new QueryBuilder().U16(1).U16(0).U16(questions).U16(0).U16(0).U16(0).Name("a.example").U16(1).U16(1).ToArray();

        Assert.Equal(DnsQueryStatus.FormatError, DnsQueryParser.Parse(message, out _, out var error));
        Assert.Equal(DnsParseError.QuestionCount, error);
    }

    [Fact]
    public void Rejects_a_compressed_question_name()
    {
        var message = new QueryBuilder().U16(1).U16(0).U16(1).U16(0).U16(0).U16(0).Bytes(0xC0, 0x0C).U16(1).U16(1).ToArray();

        DnsQueryParser.Parse(message, out _, out var error);

        Assert.Equal(DnsParseError.CompressedQuestion, error);
    }

    [Fact]
    public void Rejects_a_query_with_a_compression_loop_in_an_additional_record()
    {
        // The additional record's owner points at itself.
        var head = new QueryBuilder().U16(1).U16(0).U16(1).U16(0).U16(0).U16(1).Name("a.example").U16(1).U16(1).ToArray();
        var self = head.Length;
        var message = new QueryBuilder().Bytes(head).Bytes((byte)(0xC0 | (self >> 8)), (byte)self).U16(16).U16(1).U16(0).U16(0).U16(0).ToArray();

        DnsQueryParser.Parse(message, out _, out var error);

        Assert.Equal(DnsParseError.BadPointer, error);
    }

    [Fact]
    public void Rejects_two_opt_records_an_opt_not_owned_by_the_root_and_trailing_bytes()
    {
        var twoOpts = new QueryBuilder().U16(1).U16(0).U16(1).U16(0).U16(0).U16(2).Name("a.example").U16(1).U16(1).Opt(new Edns()).Opt(new Edns()).ToArray();
        var namedOpt = new QueryBuilder().U16(1).U16(0).U16(1).U16(0).U16(0).U16(1).Name("a.example").U16(1).U16(1).Name("x").U16(DnsType.Opt).U16(512).U16(0).U16(0).U16(0).ToArray();
        var trailing = QueryBuilder.Query("a.example").Append((byte)0).ToArray();

        DnsQueryParser.Parse(twoOpts, out _, out var first);
        DnsQueryParser.Parse(namedOpt, out _, out var second);
        DnsQueryParser.Parse(trailing, out _, out var third);

        Assert.Equal(DnsParseError.BadOpt, first);
        Assert.Equal(DnsParseError.BadOpt, second);
        Assert.Equal(DnsParseError.TrailingData, third);
    }

    [Theory]
    [InlineData(1, 33, 4)]
    [InlineData(1, 24, 4)]
    [InlineData(3, 8, 1)]
    [InlineData(2, 129, 16)]
    public void Rejects_a_client_subnet_whose_prefix_and_address_disagree(ushort family, byte prefix, int addressBytes)
    {
        var option = QueryBuilder.ClientSubnetOption(family, prefix, new byte[addressBytes]);
        var message = QueryBuilder.Query("a.example", edns: new Edns(Options: option));

        Assert.Equal(DnsQueryStatus.FormatError, DnsQueryParser.Parse(message, out _, out var error));
        Assert.Equal(DnsParseError.BadClientSubnet, error);
    }

    [Fact]
    public void Every_prefix_of_a_valid_query_is_either_dropped_or_a_format_error()
    {
        var message = QueryBuilder.Query("www.evil.example", edns: new Edns(Options: QueryBuilder.ClientSubnetOption(2, 56, new byte[7])));
        for (var length = 0; length < message.Length; length++)
        {
            var status = DnsQueryParser.Parse(message.AsSpan(0, length), out _, out var error);

            Assert.True(status is DnsQueryStatus.Drop or DnsQueryStatus.FormatError, $"length {length}: {status}");
            Assert.NotEqual(DnsParseError.None, error);
        }

        Assert.Equal(DnsQueryStatus.Query, DnsQueryParser.Parse(message, out _, out _));
    }
}
