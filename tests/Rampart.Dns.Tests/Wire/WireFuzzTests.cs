using CsCheck;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Wire;

public class WireFuzzTests
{
    private static readonly byte[][] Seeds =
    [
        QueryBuilder.Query("www.evil.example"),
        QueryBuilder.Query("evil.example", DnsType.Soa, edns: new Edns(4096, 0, true, 0, QueryBuilder.ClientSubnetOption(1, 24, 192, 0, 2))),
        QueryBuilder.Query("a.b.c.evil.example", DnsType.Any, edns: new Edns(512, 1)),
    ];

    /// <summary>A seed query with a few bytes overwritten, inserted or cut: mostly almost-valid packets.</summary>
    private static readonly Gen<byte[]> Mutated = PacketMutations.Of(Seeds, maxEdits: 8);

    private static readonly SinkholeZoneSet Zones = SinkholeZoneSet.Create(
        [new SinkholeZone("evil.example", "case-1", [System.Net.IPAddress.Parse("192.0.2.1"), System.Net.IPAddress.Parse("2001:db8::1")])],
        SinkholeZoneSettings.Default,
        out _);

    [Fact]
    public void Mutated_queries_never_throw_and_every_answer_is_a_readable_message()
    {
        Mutated.Sample(packet =>
        {
            var response = new byte[1232];
            var length = SinkholeResponder.Respond(packet, response, Zones, 1232, out _);
            if (length > 0)
            {
                Assert.Equal(DnsParseError.None, DnsMessage.TryRead(response.AsSpan(0, length), out var message));
                Assert.True(message!.Header.IsResponse);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Random_bytes_never_throw_in_the_parser_or_the_message_reader()
    {
        Gen.Byte.Array[0, 600].Sample(packet =>
        {
            DnsQueryParser.Parse(packet, out _, out _);
            DnsMessage.TryRead(packet, out _);
            DnsName.Skip(packet, Math.Min(12, packet.Length), out _);
        }, iter: 20_000);
    }

    [Fact]
    public void Any_host_name_round_trips_through_wire_form()
    {
        var label = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[1, 63].Select(c => new string(c));
        label.Array[1, 4].Select(labels => string.Join('.', labels)).Where(n => n.Length < 250).Sample(name =>
        {
            Assert.True(DnsName.TryEncode(name, out var wire, out _));
            Assert.Equal(name, DnsName.ToText(wire));
            Assert.Equal(DnsParseError.None, DnsName.MeasureUncompressed(wire, 0, out var length));
            Assert.Equal(wire.Length, length);
        });
    }

    [Fact]
    public void Answers_to_generated_names_in_the_zone_echo_the_question_and_parse_back()
    {
        var label = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"].Array[1, 20].Select(c => new string(c));
        Gen.Select(label.Array[0, 5], Gen.Int[0, 5].Select(i => new[] { DnsType.A, DnsType.Aaaa, DnsType.Soa, DnsType.Ns, DnsType.Txt, DnsType.Any }[i]), Gen.UShort)
            .Sample((labels, type, id) =>
            {
                var name = string.Join('.', labels.Append("Evil.Example"));
                var query = QueryBuilder.Query(name, type, id: id, edns: new Edns());
                var response = new byte[1232];
                var length = SinkholeResponder.Respond(query, response, Zones, 1232, out var answer);

                Assert.Equal(DnsParseError.None, DnsMessage.TryRead(response.AsSpan(0, length), out var message));
                Assert.Equal(id, message!.Header.Id);
                Assert.Equal(name, message.QuestionName);
                Assert.Equal(DnsRcode.NoError, answer.Rcode);
                Assert.True(message.Answers.Count + message.Authority.Count > 0);
                Assert.All(message.Answers, r => Assert.Equal(name, r.Owner));
            });
    }
}
