using Rampart.Core.Text;

namespace Rampart.Core.Tests.Text;

public sealed class CsvReportLineTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public void A_report_cell_that_could_run_as_a_formula_starts_with_an_apostrophe(string value)
    {
        var reader = new CsvReader(new StringReader(Csv.ReportLine("a.example", value)));

        Assert.True(reader.TryRead(out var record, out var error), error);
        Assert.Equal(["a.example", "'" + value], record.Fields);
    }

    [Fact]
    public void Interchange_lines_keep_values_exactly_and_ordinary_report_cells_are_untouched()
    {
        Assert.Equal("=1", Csv.Line("=1"));
        Assert.Equal("login.example,,3", Csv.ReportLine("login.example", null, "3"));
    }
}
