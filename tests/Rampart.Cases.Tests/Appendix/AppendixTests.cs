using System.Security.Cryptography;
using System.Text;
using Rampart.Cases.Appendix;
using Rampart.Cases.Cases;
using Rampart.Core.Cases;
using Rampart.Core.Text;
using Rampart.Reports.Cases;

namespace Rampart.Cases.Tests.Appendix;

public sealed class AppendixTests
{
    internal const string Hostile = "<script>alert('x')</script>\"&amp;";
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    internal static CaseDetail Detail()
    {
        var header = new TakedownCase("case--1", "THALLIUM <b>lures</b>", "from the DCU report", CaseStatus.Filed, T0, "alice", T0.AddDays(3), 42);
        CaseEvidence Evidence(string? domain, EvidenceKind kind, DateTimeOffset at, string summary, string? data = null, string? file = null) =>
            new($"evidence--{summary.GetHashCode(StringComparison.Ordinal)}", header.Id, domain, kind, at, "alice", summary, data, file, null,
                new NewEvidence(domain, kind, at, "alice", summary, data).Sha256(), T0, "alice");
        return new CaseDetail(
            header,
            [
                new CaseDomain(header.Id, "hotrnall.com", T0.AddHours(1), "alice", "by hand"),
                new CaseDomain(header.Id, "account-verify-center.org", T0.AddHours(2), "alice", "=SUM(A1) pivot"),
            ],
            [
                Evidence("hotrnall.com", EvidenceKind.Registration, T0, $"registrar NameCheap; registrant {Hostile}", $$"""{"registrant_name":"{{Hostile}}"}"""),
                Evidence("hotrnall.com", EvidenceKind.Indicator, T0.AddDays(-30), "indicator from dcu", new SeenPeriod(T0.AddDays(-30), T0.AddDays(-2)).ToJson()),
                Evidence("hotrnall.com", EvidenceKind.Attribution, T0, "attributed to THALLIUM by dcu"),
                Evidence("hotrnall.com", EvidenceKind.Dns, T0.AddDays(1), "A 203.0.113.7", ";; hotrnall.com A @127.0.0.1:53 rcode=NoError\nhotrnall.com. 300 IN A 203.0.113.7\n"),
                Evidence("account-verify-center.org", EvidenceKind.Note, T0.AddDays(2), "=HYPERLINK(\"http://evil.example\")"),
                Evidence(null, EvidenceKind.Attachment, T0.AddDays(2), "court order", null, "order<1>.pdf"),
            ],
            [new CaseStatusChange(header.Id, T0, "alice", null, CaseStatus.Draft, null), new CaseStatusChange(header.Id, T0.AddDays(3), "bob", CaseStatus.Draft, CaseStatus.Filed, Hostile)]);
    }

    [Fact]
    public async Task An_unchanged_case_exports_the_same_bytes_twice()
    {
        var first = AppendixBuilder.Build(Detail());
        var second = AppendixBuilder.Build(Detail() with { Evidence = [.. Detail().Evidence.Reverse()] });

        Assert.Equal(first.Csv, second.Csv);
        Assert.Equal(await CaseAppendixHtml.RenderAsync(first), await CaseAppendixHtml.RenderAsync(second));
    }

    [Fact]
    public async Task The_HTML_prints_the_SHA_256_of_the_CSV_and_the_case_header_dated_by_its_last_change()
    {
        var appendix = AppendixBuilder.Build(Detail());

        var html = await CaseAppendixHtml.RenderAsync(appendix);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appendix.Csv))), appendix.CsvSha256);
        Assert.Contains(appendix.CsvSha256, html, StringComparison.Ordinal);
        Assert.Contains("2026-01-05T03:04:05.678Z", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_hostile_value_shows_as_text_and_the_page_can_fetch_nothing()
    {
        var html = await CaseAppendixHtml.RenderAsync(AppendixBuilder.Build(Detail()));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>lures", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&amp;amp;", html, StringComparison.Ordinal);
        Assert.Contains("order&lt;1&gt;.pdf", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_CSV_has_one_row_per_domain_plus_the_case_row_and_reads_back_with_a_formula_defused()
    {
        var appendix = AppendixBuilder.Build(Detail());

        var reader = new CsvReader(new StringReader(appendix.Csv));
        var records = new List<CsvRecord>();
        while (reader.TryRead(out var record, out var error))
        {
            Assert.Null(error);
            records.Add(record);
        }

        Assert.Equal(AppendixBuilder.CsvHeader, records[0].Fields);
        Assert.Equal(["", "account-verify-center.org", "hotrnall.com"], records.Skip(1).Select(r => r.Fields[4]));
        var hotrnall = records[3].Fields;
        Assert.Equal("2025-12-03T03:04:05.678Z", hotrnall[8]);
        Assert.Equal("attributed to THALLIUM by dcu", hotrnall[10]);
        Assert.Contains(Hostile, hotrnall[12], StringComparison.Ordinal);
        Assert.StartsWith("2026-01-04T03:04:05.678Z note (alice): =HYPERLINK", records[2].Fields[12], StringComparison.Ordinal);
        Assert.Equal("'=SUM(A1) pivot", records[2].Fields[7]);
        Assert.All(records.SelectMany(r => r.Fields), f => Assert.False(f.StartsWith('='), f));
    }
}
