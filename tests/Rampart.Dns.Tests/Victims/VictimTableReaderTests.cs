using CsCheck;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Victims;

namespace Rampart.Dns.Tests.Victims;

public sealed class VictimTableReaderTests
{
    private static VictimTable Read(string text, VictimTableKind kind = VictimTableKind.Organizations) =>
        VictimTableReader.Read(new StringReader(text), kind);

    [Fact]
    public void A_two_column_table_with_a_header_gives_each_network_its_organization()
    {
        var table = Read("network,organization\n192.0.2.0/24,Think Tank A\n2001:DB8::/32,\"University B, Physics\"\n");

        Assert.Empty(table.Problems);
        Assert.Equal([new VictimNetwork("192.0.2.0/24", "Think Tank A", null, null), new VictimNetwork("2001:db8::/32", "University B, Physics", null, null)], table.Networks);
    }

    [Fact]
    public void The_common_shape_with_ASN_and_country_columns_is_read_by_column_name_in_any_order()
    {
        var table = Read("Country,ASN,CIDR,Org\r\nus,AS64500,192.0.2.0/24,Think Tank A\r\nDE,64501,198.51.100.7,Ministry C\r\n");

        Assert.Empty(table.Problems);
        Assert.Equal([new VictimNetwork("192.0.2.0/24", "Think Tank A", 64500, "US"), new VictimNetwork("198.51.100.7/32", "Ministry C", 64501, "DE")], table.Networks);
    }

    [Fact]
    public void MaxMind_style_ASN_tables_read_as_ASN_tables()
    {
        var table = Read("network,autonomous_system_number,autonomous_system_organization\n198.51.100.0/22,64501,EXAMPLE-NET\n2001:db8::/32,64502,\n", VictimTableKind.Asn);

        Assert.Empty(table.Problems);
        Assert.Equal([new VictimNetwork("198.51.100.0/22", "EXAMPLE-NET", 64501, null), new VictimNetwork("2001:db8::/32", null, 64502, null)], table.Networks);
    }

    [Fact]
    public void A_table_without_a_header_is_read_by_position_for_its_kind()
    {
        Assert.Equal([new VictimNetwork("192.0.2.0/24", "Think Tank A", 64500, "US")], Read("192.0.2.0/24,Think Tank A,64500,US\n").Networks);
        Assert.Equal([new VictimNetwork("192.0.2.0/24", "EXAMPLE-NET", 64500, "US")], Read("192.0.2.0/24,64500,EXAMPLE-NET,US\n", VictimTableKind.Asn).Networks);
    }

    [Fact]
    public void Bad_rows_are_skipped_and_each_is_reported_with_its_line_and_field()
    {
        var table = Read("""
            # CERT constituency, 2026-11
            network,organization,asn,country

            192.0.2.0/24,Think Tank A,64500,US
            192.0.2.1/24,Host bits,,
            not-a-network,Nobody,,
            203.0.113.0/24,,,
            198.51.100.0/24,Ministry C,ASX,
            198.51.100.0/25,Ministry C,,USA
            192.0.2.0/24,Think Tank A again,,
            "2001:db8::/32,University B
            """);

        Assert.Equal([new VictimNetwork("192.0.2.0/24", "Think Tank A", 64500, "US")], table.Networks);
        Assert.Equal(
            [(5, "network"), (6, "network"), (7, "organization"), (8, "asn"), (9, "country"), (10, "network"), (11, "record")],
            table.Problems.Select(p => (p.Line, p.Field)));
        Assert.Equal("orgs.csv:5: network: '192.0.2.1/24' has host bits set; the network is 192.0.2.0/24", table.Problems[0].Describe("orgs.csv"));
        Assert.Contains("already on line 4", table.Problems[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_the_columns_a_kind_needs_refuses_the_table_with_the_names_it_looks_for()
    {
        var organizations = Read("network,asn\n192.0.2.0/24,64500\n");
        var asn = Read("prefix,name\n192.0.2.0/24,X\n", VictimTableKind.Asn);

        Assert.Empty(organizations.Networks);
        var problem = Assert.Single(organizations.Problems);
        Assert.Equal((1, "header"), (problem.Line, problem.Field));
        Assert.Contains("organization", problem.Message, StringComparison.Ordinal);
        Assert.Equal("header", Assert.Single(asn.Problems).Field);
    }

    [Fact]
    public void Any_text_reads_without_throwing_and_every_network_it_keeps_is_normalized_and_unique()
    {
        var seeds = new[] { "network,organization,asn,country\n", "192.0.2.0/24,A,1,US\n", "2001:db8::/32,\"B\"\"x\",AS2,de\n", "10.0.0.0/8,C\n", "\"", ",", "\n", "/", ":", "AS", "#" };
        Gen.Select(Gen.Int[0, seeds.Length - 1].Array[0, 12], Gen.String[0, 10].Array[0, 3]).Sample((picks, noise) =>
        {
            var text = string.Concat(picks.Select(i => seeds[i])) + string.Concat(noise);
            foreach (var kind in (VictimTableKind[])[VictimTableKind.Organizations, VictimTableKind.Asn])
            {
                var table = Read(text, kind);
                Assert.Equal(table.Networks.Count, table.Networks.Select(n => n.Network).Distinct(StringComparer.Ordinal).Count());
                Assert.All(table.Networks, n => Assert.Equal(System.Net.IPNetwork.Parse(n.Network).ToString(), n.Network));
                Assert.All(table.Problems, p => Assert.True(p.Line >= 1));
            }
        }, iter: 2000);
    }
}
