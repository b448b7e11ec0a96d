using System.Net;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Sinkhole;

public class SinkholeResponderTests
{
    private static readonly SinkholeZoneSet Zones = TestZones.Create();

    private static (DnsMessage Message, SinkholeAnswer Answer) Ask(byte[] query, int udpLimit = 1232)
    {
        var response = new byte[udpLimit == 0 ? 65535 : udpLimit];
        var length = SinkholeResponder.Respond(query, response, Zones, udpLimit, out var answer);
        Assert.True(length > 0, "an answer was expected");
        Assert.Equal(DnsParseError.None, DnsMessage.TryRead(response.AsSpan(0, length), out var message));
        return (message!, answer);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("login.mail.EVIL.example")]
    public void Answers_the_apex_and_every_subdomain_with_the_sinkhole_address(string name)
    {
        var (message, answer) = Ask(QueryBuilder.Query(name, DnsType.A));

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.NotEqual(0, message.Header.Flags & DnsHeaderFlags.Authoritative);
        Assert.Equal(0, message.Header.Flags & DnsHeaderFlags.RecursionAvailable);
        var record = Assert.Single(message.Answers);
        Assert.Equal(name, record.Owner);
        Assert.Equal(new byte[] { 192, 0, 2, 1 }, record.Data);
        Assert.Equal("case-2", answer.Zone!.CaseId);
    }

    [Fact]
    public void Answers_aaaa_from_the_zone_and_falls_back_to_the_set_addresses()
    {
        var (v6, _) = Ask(QueryBuilder.Query("x.evil.example", DnsType.Aaaa));
        var (v4, _) = Ask(QueryBuilder.Query("x.hanrnaii.net", DnsType.A));

        Assert.Equal(IPAddress.Parse("2001:db8::1").GetAddressBytes(), Assert.Single(v6.Answers).Data);
        Assert.Equal(new byte[] { 192, 0, 2, 53 }, Assert.Single(v4.Answers).Data);
    }

    [Fact]
    public void Answers_soa_and_ns_at_the_apex()
    {
        var (soa, _) = Ask(QueryBuilder.Query("hanrnaii.net", DnsType.Soa));
        var (ns, _) = Ask(QueryBuilder.Query("hanrnaii.net", DnsType.Ns));

        Assert.Equal(DnsType.Soa, Assert.Single(soa.Answers).Type);
        Assert.Equal(2, ns.Answers.Count);
        Assert.All(ns.Answers, r => Assert.Equal(DnsType.Ns, r.Type));
    }

    [Theory]
    [InlineData("www.hanrnaii.net", DnsType.Soa)]
    [InlineData("hanrnaii.net", DnsType.Aaaa)]
    [InlineData("mail.hanrnaii.net", DnsType.Txt)]
    public void Answers_nodata_with_the_apex_soa_in_the_authority_section(string name, ushort type)
    {
        var (message, answer) = Ask(QueryBuilder.Query(name, type));

        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.Empty(message.Answers);
        var soa = Assert.Single(message.Authority);
        Assert.Equal(DnsType.Soa, soa.Type);
        Assert.Equal("hanrnaii.net", soa.Owner);
    }

    [Theory]
    [InlineData("example.com", DnsType.A, DnsClass.In)]
    [InlineData("xevil.example", DnsType.A, DnsClass.In)]
    [InlineData("evil.example", DnsType.A, DnsClass.Chaos)]
    [InlineData("evil.example", DnsType.Axfr, DnsClass.In)]
    [InlineData("evil.example", DnsType.Ixfr, DnsClass.In)]
    public void Refuses_names_outside_its_zones_other_classes_and_zone_transfers(string name, ushort type, ushort @class)
    {
        var (message, answer) = Ask(QueryBuilder.Query(name, type, @class));

        Assert.Equal(DnsRcode.Refused, answer.Rcode);
        Assert.Equal((int)DnsRcode.Refused, message.Header.Rcode);
        Assert.Empty(message.Answers);
        Assert.Equal(0, message.Header.Flags & DnsHeaderFlags.Authoritative);
    }

    [Fact]
    public void Sends_nothing_back_to_a_response_or_a_fragment_of_a_header()
    {
        var response = new byte[512];

        Assert.Equal(0, SinkholeResponder.Respond(QueryBuilder.Query("evil.example", flags: DnsHeaderFlags.Response), response, Zones, 1232, out _));
        Assert.Equal(0, SinkholeResponder.Respond(new byte[5], response, Zones, 1232, out _));
    }

    [Fact]
    public void Answers_an_unknown_opcode_with_notimp_and_a_bare_header()
    {
        var query = QueryBuilder.Query("evil.example", flags: (ushort)(15 << DnsHeaderFlags.OpcodeShift));

        var (message, answer) = Ask(query);

        Assert.Equal(DnsRcode.NotImp, answer.Rcode);
        Assert.Equal(15, (int)message.Header.Opcode);
        Assert.Equal(0, message.Header.QuestionCount);
    }

    [Fact]
    public void Answers_edns_version_1_with_badvers_version_0_and_no_answer()
    {
        var (message, answer) = Ask(QueryBuilder.Query("evil.example", DnsType.Soa, edns: new Edns(Version: 1)));

        Assert.Equal(DnsRcode.BadVers, answer.Rcode);
        Assert.Empty(message.Answers);
        var opt = Assert.Single(message.Additional);
        Assert.Equal(DnsType.Opt, opt.Type);
        Assert.Equal(0x0100_0000u, opt.Ttl & 0xFFFF_0000u);
    }

    [Fact]
    public void Echoes_the_do_bit_clears_unknown_edns_flags_and_drops_unknown_options()
    {
        var (message, _) = Ask(QueryBuilder.Query("evil.example", DnsType.Soa, edns: new Edns(DnssecOk: true, Flags: 0x0080, Options: [0, 100, 0, 2, 1, 2])));

        var opt = Assert.Single(message.Additional);
        Assert.Equal(0x8000u, opt.Ttl);
        Assert.Empty(opt.Data);
    }

    [Fact]
    public void Echoes_client_subnet_with_scope_zero()
    {
        var (message, answer) = Ask(QueryBuilder.Query("evil.example", edns: new Edns(Options: QueryBuilder.ClientSubnetOption(1, 24, 198, 51, 100))));

        Assert.True(answer.Query.HasClientSubnet);
        Assert.Equal(new byte[] { 0, 8, 0, 7, 0, 1, 24, 0, 198, 51, 100 }, Assert.Single(message.Additional).Data);
    }

    [Fact]
    public void Sets_tc_when_the_answer_does_not_fit_512_bytes_and_answers_in_full_over_tcp()
    {
        var many = Enumerable.Range(1, 60).Select(i => IPAddress.Parse($"192.0.2.{i}")).ToArray();
        var zones = TestZones.Create(many);
        var query = QueryBuilder.Query("www.evil.example", DnsType.A);
        var udp = new byte[1232];
        var tcp = new byte[65535];

        var udpLength = SinkholeResponder.Respond(query, udp, zones, 1232, out var udpAnswer);
        var tcpLength = SinkholeResponder.Respond(query, tcp, zones, 0, out _);

        Assert.True(udpAnswer.Truncated);
        DnsMessage.TryRead(udp.AsSpan(0, udpLength), out var truncated);
        Assert.NotEqual(0, truncated!.Header.Flags & DnsHeaderFlags.Truncated);
        Assert.Empty(truncated.Answers);
        DnsMessage.TryRead(tcp.AsSpan(0, tcpLength), out var full);
        Assert.Equal(60, full!.Answers.Count);
    }

    [Fact]
    public void Answers_within_the_clients_edns_buffer_size()
    {
        var many = Enumerable.Range(1, 60).Select(i => IPAddress.Parse($"192.0.2.{i}")).ToArray();
        var zones = TestZones.Create(many);
        var response = new byte[1232];

        var length = SinkholeResponder.Respond(QueryBuilder.Query("evil.example", edns: new Edns(UdpSize: 1232)), response, zones, 1232, out var answer);

        Assert.False(answer.Truncated);
        Assert.True(length <= 1232);
        Assert.Equal(60, answer.AnswerCount);
    }
}
