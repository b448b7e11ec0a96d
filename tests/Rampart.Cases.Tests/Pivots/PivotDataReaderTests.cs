using CsCheck;
using Rampart.Cases.Pivots;
using Rampart.Core.Cases;

namespace Rampart.Cases.Tests.Pivots;

public sealed class PivotDataReaderTests
{
    private static PivotReadResult Read(PivotDataFormat format, string text) => PivotDataReader.Read(format, new StringReader(text), "input");

    [Fact]
    public void A_WHOIS_CSV_row_gives_registrant_and_name_server_facts_normalized()
    {
        var result = Read(PivotDataFormat.Whois, "Domain,Registrant Name,Registrant_Email,Name Servers\nHOTRNALL[.]com,\"Kim   OPS\",Kim.Ops@Proton.example,\"NS1.Evil.net.; ns2.evil.net\"\n");

        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                new PivotFact("hotrnall.com", PivotFactKind.RegistrantEmail, "kim.ops@proton.example", null, null, "input"),
                new PivotFact("hotrnall.com", PivotFactKind.RegistrantName, "kim ops", null, null, "input"),
                new PivotFact("hotrnall.com", PivotFactKind.NameServer, "ns1.evil.net", null, null, "input"),
                new PivotFact("hotrnall.com", PivotFactKind.NameServer, "ns2.evil.net", null, null, "input"),
            ],
            result.Facts);
    }

    [Fact]
    public void WHOIS_JSON_with_a_nested_registrant_reads_like_the_flat_CSV()
    {
        var result = Read(PivotDataFormat.Whois, """[{"domainName":"evil.example","registrant":{"email":"A@B.example","organization":"Org"},"nameServers":["ns1.x.example"]}]""");

        Assert.Empty(result.Errors);
        Assert.Equal(["a@b.example", "org", "ns1.x.example"], result.Facts.Select(f => f.Value));
    }

    [Fact]
    public void A_bad_record_is_skipped_and_reported_with_its_file_line_and_field()
    {
        var whois = Read(PivotDataFormat.Whois, "domain,registrant_email\ngood.example,a@b.example\nbad domain!,c@d.example\n");
        var pdns = Read(PivotDataFormat.PassiveDns, "{\"rrname\":\"a.example\",\"rrtype\":\"A\",\"rdata\":\"203.0.113.1\"}\n{not json\n{\"rrname\":\"b.example\",\"rrtype\":\"A\",\"rdata\":\"999.1.1.1\"}\n{\"rrname\":\"c.example\",\"rrtype\":\"A\",\"rdata\":\"203.0.113.2\",\"time_first\":\"yesterday\"}\n");

        Assert.Single(whois.Facts);
        var error = Assert.Single(whois.Errors);
        Assert.Equal(("input", 3, "domain"), (error.File, error.Line, error.Field));
        Assert.Single(pdns.Facts);
        Assert.Equal([(2, null), (3, "rdata"), (4, "time_first")], pdns.Errors.Select(e => (e.Line, e.Field)));
        Assert.StartsWith("input:3: rdata: '999.1.1.1'", pdns.Errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_WHOIS_CSV_without_a_domain_column_is_one_clear_error()
    {
        var result = Read(PivotDataFormat.Whois, "registrant,email\nx,y\n");

        Assert.Empty(result.Facts);
        Assert.Contains("no domain column", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passive_DNS_times_are_Unix_seconds_or_ISO_and_other_record_types_are_ignored()
    {
        var result = Read(PivotDataFormat.PassiveDns, """
            {"rrname":"a.example.","rrtype":"A","rdata":["203.0.113.1","203.0.113.2"],"time_first":1767225600,"time_last":"2026-02-01T00:00:00Z"}
            {"rrname":"a.example.","rrtype":"TXT","rdata":"v=spf1 -all"}
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Facts.Count);
        Assert.All(result.Facts, f => Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), f.FirstSeen));
        Assert.All(result.Facts, f => Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), f.LastSeen));
    }

    [Fact]
    public void The_same_certificate_listed_in_another_order_gets_the_same_name()
    {
        var one = Read(PivotDataFormat.Certificates, "b.example a.example\n");
        var other = Read(PivotDataFormat.Certificates, "*.a.example, b.example # comment\n");

        Assert.Equal(one.Facts.Select(f => f.Value).Distinct(), other.Facts.Select(f => f.Value).Distinct());
        Assert.Equal(["a.example", "b.example"], other.Facts.Select(f => f.Domain));
    }

    [Theory]
    [InlineData(PivotDataFormat.Whois)]
    [InlineData(PivotDataFormat.PassiveDns)]
    [InlineData(PivotDataFormat.Certificates)]
    public void Any_text_is_read_without_an_exception_and_every_error_names_a_line(PivotDataFormat format)
    {
        var text = Gen.OneOf(
            Gen.String[Gen.Char["{}[]\":,;.a-z0-9 \n\r\t*#\\"], 0, 300],
            Gen.String,
            Gen.Const("{\"rrname\":\"a.example\",\"rrtype\":\"A\",\"rdata\":[1,{},null],\"time_first\":-5}\n[{\"domain\":{}}]"),
            Gen.Const("[" + new string('[', 100) + new string(']', 100) + "]"));

        text.Sample(t =>
        {
            var result = Read(format, t);
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1, e.ToString()));
        }, iter: 2000);
    }
}
