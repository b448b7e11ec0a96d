using System.Text;
using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Intel.Lists;

namespace Rampart.Intel.Tests.Lists;

public sealed class IndicatorListReaderTests
{
    private static IndicatorListReadResult Read(string text, string name = "list.txt") =>
        IndicatorListReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    [Fact]
    public void A_text_list_skips_comments_and_blank_lines_and_keeps_line_numbers()
    {
        var result = Read("# THALLIUM\n\nhxxps://login.evil[.]com/x#frag\nevil[.]net   # seen 2019\n  1.2.3[.]4\n");
        Assert.Empty(result.Errors);
        Assert.Equal([3, 4, 5], result.Entries.Select(e => e.Line));
        Assert.Equal(["https://login.evil.com/x", "evil.net", "1.2.3.4"], result.Entries.Select(e => e.Value.Normalized));
    }

    [Fact]
    public void Each_bad_line_is_an_error_with_file_and_line()
    {
        var result = Read("good.example\nbad..example\nalso-good.example\n999.1.1.1\n", "lures.txt");
        Assert.Equal(2, result.Entries.Count);
        Assert.Equal(["lures.txt:2", "lures.txt:4"], result.Errors.Select(e => e.ToString().Split(": ")[0]));
    }

    [Fact]
    public void A_csv_with_a_header_gives_per_row_fields()
    {
        var result = Read("Value,Type,Actor,Source,Confidence,Valid_Until,comment\n"
            + "\"hxxp://a.evil[.]com/x,y\",url,THALLIUM,dcu,90,2027-01-31,\"multi\nline\"\n"
            + "1.2.3.4,,,,,,\n", "feed.csv");
        Assert.Empty(result.Errors);
        var first = result.Entries[0];
        Assert.Equal((2, IndicatorType.Url, "THALLIUM", "dcu", 90), (first.Line, first.Value.Type, first.Actor, first.Source, first.Confidence));
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), first.ValidUntil);
        Assert.Equal(4, result.Entries[1].Line);
        Assert.Null(result.Entries[1].Actor);
    }

    [Fact]
    public void A_csv_is_recognized_by_its_header_whatever_its_name()
    {
        var result = Read("indicator,actor\nevil.com,APT28\n", "export.txt");
        Assert.Equal("APT28", Assert.Single(result.Entries).Actor);
    }

    [Theory]
    [InlineData("value,confidence\nevil.com,high\n", "feed.csv:2: column 'confidence'")]
    [InlineData("value,type\nevil.com,sha256\n", "feed.csv:2: column 'value'")]
    [InlineData("value,type\nevil.com,banana\n", "feed.csv:2: column 'type'")]
    [InlineData("value,source\nhttp://x.com/a,b,c\n", "feed.csv:2: row has 3 fields")]
    [InlineData("domain,source\nevil.com,x\n", "feed.csv:1: the header names no value column")]
    [InlineData("value,valid_until\nevil.com,someday\n", "feed.csv:2: column 'valid_until'")]
    public void Csv_errors_name_the_line_and_column(string text, string expected)
    {
        var result = Read(text, "feed.csv");
        Assert.Empty(result.Entries);
        Assert.StartsWith(expected, Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_one_error()
    {
        var bytes = new byte[] { 0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0x0a, 0x41 };
        var result = IndicatorListReader.Read(new MemoryStream(bytes), "a.out");
        Assert.Empty(result.Entries);
        Assert.Equal("a.out:1: binary data, not a text list", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Rows_given_as_fields_are_numbered_from_one()
    {
        var result = IndicatorListReader.FromValues("request", [new("evil.com"), new("not a value"), new("1.2.3.4", Type: "domain"), new("x.com", Confidence: 101)]);
        Assert.Single(result.Entries);
        Assert.Equal([(2, null), (3, null), (4, "confidence")], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.All(result.Errors, e => Assert.Equal("request", e.File));
    }

    [Fact]
    public void Never_throws_on_any_bytes()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var result = IndicatorListReader.Read(new MemoryStream(bytes), "fuzz.txt");
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1));
        });
        Gen.String[Gen.OneOf(Gen.Char["a,\"\n.#[]"], Gen.Char), 0, 200].Sample(text =>
        {
            var result = Read("value,type\n" + text, "fuzz.csv");
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1));
        });
    }
}
