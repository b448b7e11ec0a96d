using CsCheck;
using Rampart.Core.Text;

namespace Rampart.Core.Tests.Text;

public sealed class CsvRoundTripTests
{
    private static List<CsvRecord> ReadAll(string text, List<string?>? errors = null)
    {
        var reader = new CsvReader(new StringReader(text));
        var records = new List<CsvRecord>();
        while (reader.TryRead(out var record, out var error))
        {
            records.Add(record);
            errors?.Add(error);
        }

        return records;
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_lines_stay_right()
    {
        var records = ReadAll("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,one");
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["last", "one"], records[3].Fields);
    }

    [Fact]
    public void A_stray_quote_is_reported_and_reading_goes_on()
    {
        var errors = new List<string?>();
        var records = ReadAll("ok,1\nbad\"value,2\nfine,3\n", errors);
        Assert.Null(errors[0]);
        Assert.Contains("quote", errors[1], StringComparison.Ordinal);
        Assert.Equal(2, records[1].Line);
        Assert.Null(errors[2]);
        Assert.Equal(["fine", "3"], records[2].Fields);
    }

    [Fact]
    public void An_unterminated_quote_is_an_error_at_its_record()
    {
        var errors = new List<string?>();
        var records = ReadAll("a,b\n\"never closed,1\nmore\n", errors);
        Assert.Equal(2, records[1].Line);
        Assert.Contains("not closed", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_record_is_refused()
    {
        var errors = new List<string?>();
        var reader = new CsvReader(new StringReader(new string('x', 100) + "\nshort\n"), maxRecordLength: 50);
        Assert.True(reader.TryRead(out _, out var error));
        Assert.Contains("longer than 50", error, StringComparison.Ordinal);
        Assert.True(reader.TryRead(out var next, out error));
        Assert.Null(error);
        Assert.Equal(["short"], next.Fields);
    }

    [Fact]
    public void Written_lines_read_back_as_the_same_fields()
    {
        var field = Gen.String[Gen.OneOf(Gen.Char["ab,\"\r\n x"], Gen.Char), 0, 12];
        field.Array[1, 6].Sample(fields =>
        {
            var records = ReadAll(Csv.Line(fields) + "\n");
            var record = Assert.Single(records);
            Assert.Equal(fields, record.Fields);
        });
    }

    [Fact]
    public void Never_throws_on_any_text()
    {
        Gen.String[Gen.OneOf(Gen.Char["a,\"\r\n"], Gen.Char), 0, 200].Sample(text =>
        {
            var records = ReadAll(text);
            Assert.All(records, r => Assert.True(r.Line >= 1));
        });
    }
}
