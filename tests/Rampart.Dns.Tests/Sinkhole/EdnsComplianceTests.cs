using Rampart.Core.Sinkhole;
using Rampart.Dns.Sinkhole;

namespace Rampart.Dns.Tests.Sinkhole;

/// <summary>
/// The checks ISC's EDNS compliance report (genreport, RFC 8906 §8) runs, with the real dig and kdig
/// against the real server on loopback. The test packages are in .ci/apt/dns.txt.
/// </summary>
public class EdnsComplianceTests
{
    private const string Zone = "hanrnaii.net";

    [Fact]
    public async Task A_plain_query_without_edns_gets_the_authoritative_soa()
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("dig", $"+norec +noedns soa {Zone}");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Matches(@"flags: qr aa;", output);
        Assert.Matches(@"ANSWER SECTION:\s+hanrnaii\.net\.\s+300\s+IN\s+SOA\s+ns1\.sinkhole\.invalid\. hostmaster\.sinkhole\.invalid\. 2026112901", output);
        Assert.DoesNotContain("OPT PSEUDOSECTION", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edns_query_gets_version_0_and_the_soa()
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("dig", $"+norec +edns=0 +nocookie soa {Zone}");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Contains("EDNS: version: 0, flags:; udp: 1232", output, StringComparison.Ordinal);
        Assert.Matches(@"IN\s+SOA", output);
    }

    [Theory]
    [InlineData("+edns=1 +noednsneg +nocookie")]
    [InlineData("+edns=1 +noednsneg +nocookie +ednsopt=100")]
    [InlineData("+edns=1 +noednsneg +nocookie +ednsflags=0x80")]
    [InlineData("+edns=1 +noednsneg +nocookie +dnssec")]
    public async Task Edns_version_1_gets_badvers_with_version_0_and_no_answer(string options)
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("dig", $"+norec {options} soa {Zone}");

        Assert.Contains("status: BADVERS", output, StringComparison.Ordinal);
        Assert.Contains("EDNS: version: 0,", output, StringComparison.Ordinal);
        Assert.Contains("ANSWER: 0,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_edns_option_is_ignored()
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("dig", $"+norec +edns=0 +nocookie +ednsopt=100 soa {Zone}");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Matches(@"IN\s+SOA", output);
        Assert.DoesNotContain("OPT=100", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_edns_flag_is_ignored_and_not_echoed()
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("dig", $"+norec +edns=0 +nocookie +ednsflags=0x80 soa {Zone}");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Contains("EDNS: version: 0, flags:; udp:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MBZ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_do_bit_is_echoed()
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("dig", $"+norec +edns=0 +nocookie +dnssec soa {Zone}");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Contains("EDNS: version: 0, flags: do;", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_opcode_gets_notimp()
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("dig", $"+norec +noedns +opcode=15 +header-only {Zone}");

        Assert.Contains("status: NOTIMP", output, StringComparison.Ordinal);
        Assert.Contains("opcode: RESERVED15", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_over_tcp_is_answered()
    {
        await using var sinkhole = new RunningSinkhole();

        var dig = await sinkhole.RunAsync("dig", $"+norec +tcp +edns=0 +nocookie soa {Zone}");
        var kdig = await sinkhole.RunAsync("kdig", $"+norec +tcp +edns=0 a www.{Zone}");

        Assert.Contains("status: NOERROR", dig, StringComparison.Ordinal);
        Assert.Matches(@"IN\s+SOA", dig);
        Assert.Contains("status: NOERROR", kdig, StringComparison.Ordinal);
        Assert.Matches(@"www\.hanrnaii\.net\.\s+300\s+IN\s+A\s+192\.0\.2\.53", kdig);
    }

    [Fact]
    public async Task Kdig_with_several_options_at_once_gets_its_subnet_back_with_scope_0()
    {
        await using var sinkhole = new RunningSinkhole();

        var output = await sinkhole.RunAsync("kdig", $"+norec +nsid +subnet=198.51.100.0/24 +expire +cookie a login.{Zone}");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Contains("CLIENT-SUBNET: 198.51.100.0/24/0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_outside_the_zones_is_refused_and_a_zone_transfer_too()
    {
        await using var sinkhole = new RunningSinkhole();

        var outside = await sinkhole.RunAsync("dig", "+norec a www.example.com");
        var axfr = await sinkhole.RunAsync("dig", $"axfr {Zone}");
        var chaos = await sinkhole.RunAsync("dig", "+norec chaos txt version.bind");

        Assert.Contains("status: REFUSED", outside, StringComparison.Ordinal);
        Assert.Contains("Transfer failed", axfr, StringComparison.Ordinal);
        Assert.Contains("status: REFUSED", chaos, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answered_query_is_in_the_spool_with_its_source_and_case()
    {
        await using var sinkhole = new RunningSinkhole();

        await sinkhole.RunAsync("dig", $"+subnet=203.0.113.0/24 a Secure.{Zone}");
        await sinkhole.RunAsync("kdig", $"+tcp aaaa mail.evil.example");

        var hits = sinkhole.Hits().Select(e => DnsHitCodec.TryDecode("test-node", e.Sequence, e.Payload, out var hit) ? hit! : throw new InvalidOperationException("unreadable")).ToList();
        Assert.Equal(2, hits.Count);
        var udp = hits[0];
        Assert.Equal("test-node:1", udp.HitId);
        Assert.Equal("dns-udp", udp.Transport);
        Assert.Equal("127.0.0.1", udp.SourceIp);
        Assert.InRange(udp.SourcePort, 1, 65535);
        Assert.Equal("Secure.hanrnaii.net", udp.QueryName);
        Assert.Equal("case-1", udp.CaseId);
        Assert.Equal("203.0.113.0/24", udp.ClientSubnet);
        Assert.Equal("NOERROR 1", udp.Answer);
        Assert.Equal("dns-tcp", hits[1].Transport);
        Assert.Equal("case-2", hits[1].CaseId);
        Assert.Equal(28, hits[1].QueryType);
    }

    [Fact]
    public async Task A_new_zone_set_is_served_without_a_restart()
    {
        await using var sinkhole = new RunningSinkhole();
        var before = await sinkhole.RunAsync("dig", "+norec a new.example");

        sinkhole.Zones.Replace(SinkholeZoneSet.Create([new SinkholeZone("new.example", "case-3", [System.Net.IPAddress.Parse("192.0.2.99")])], SinkholeZoneSettings.Default, out _));
        var after = await sinkhole.RunAsync("dig", "+norec a new.example");

        Assert.Contains("status: REFUSED", before, StringComparison.Ordinal);
        Assert.Matches(@"new\.example\.\s+300\s+IN\s+A\s+192\.0\.2\.99", after);
    }

    [Fact]
    public async Task Pipelined_queries_on_one_tcp_connection_are_all_answered_in_order()
    {
        await using var sinkhole = new RunningSinkhole();
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(sinkhole.Server.TcpEndPoint);
        var stream = client.GetStream();
        var frames = new List<byte>();
        for (ushort id = 1; id <= 50; id++)
        {
            var query = QueryBuilder.Query($"q{id}.evil.example", id: id);
            frames.Add((byte)(query.Length >> 8));
            frames.Add((byte)query.Length);
            frames.AddRange(query);
        }

        await stream.WriteAsync(frames.ToArray());
        var ids = new List<int>();
        var header = new byte[2];
        for (var i = 0; i < 50; i++)
        {
            await stream.ReadExactlyAsync(header);
            var message = new byte[(header[0] << 8) | header[1]];
            await stream.ReadExactlyAsync(message);
            ids.Add((message[0] << 8) | message[1]);
        }

        Assert.Equal(Enumerable.Range(1, 50), ids);
        Assert.Equal(50, sinkhole.Hits().Count);
    }

    [Fact]
    public async Task Thousands_of_malformed_packets_leave_the_server_answering()
    {
        await using var sinkhole = new RunningSinkhole();
        using var udp = new System.Net.Sockets.UdpClient();
        udp.Connect(sinkhole.Server.UdpEndPoint);
        var random = new Random(14);
        var seed = QueryBuilder.Query("www.evil.example", edns: new Edns());
        for (var i = 0; i < 5000; i++)
        {
            var packet = random.Next(4) == 0 ? new byte[random.Next(0, 40)] : (byte[])seed.Clone();
            random.NextBytes(packet.AsSpan(0, Math.Min(packet.Length, random.Next(0, 6))));
            if (packet.Length > 0)
            {
                packet[random.Next(packet.Length)] = (byte)random.Next(256);
            }

            await udp.SendAsync(packet);
        }

        var output = await sinkhole.RunAsync("dig", $"+norec a still.{Zone}");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
    }
}
