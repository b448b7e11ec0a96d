using CsCheck;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Tests.AuditLogs;

/// <summary>A bad record is reported where it is and skipped; everything else is still read.</summary>
public sealed class BadInputTests
{
    private const string Good1 = """{"CreationTime":"2024-03-01T10:00:00","Id":"1","Operation":"UserLoggedIn","RecordType":15,"Workload":"AzureActiveDirectory","UserId":"a@contoso.com","ResultStatus":"Success"}""";
    private const string Good2 = """{"CreationTime":"2024-03-01T10:01:00","Id":"2","Operation":"New-InboxRule","RecordType":1,"Workload":"Exchange","UserId":"b@contoso.com","ResultStatus":"True"}""";
    private const string Good3 = """{"CreationTime":"2024-03-01T10:02:00","Id":"3","Operation":"MailItemsAccessed","RecordType":50,"Workload":"Exchange","UserId":"c@contoso.com","ResultStatus":"Succeeded"}""";

    [Fact]
    public void A_truncated_JSON_lines_file_reports_the_last_line_and_keeps_every_record_before_it()
    {
        var items = Fixture.ReadText(Good1 + "\n" + Good2 + "\n" + Good3[..40]);

        Assert.Equal(["1", "2"], items.Events().Select(e => e.Data.GetProperty("Id").GetString()));
        var problem = Assert.Single(items.Problems());
        Assert.Equal(3, problem.Line);
        Assert.Contains("truncated", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_JSON_array_reports_the_record_cut_off_and_keeps_the_others()
    {
        var items = Fixture.ReadText("[\n" + Good1 + ",\n" + Good2 + ",\n" + Good3[..50]);

        Assert.Equal(2, items.Events().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Equal(4, problem.Line);
        Assert.Contains("file ends inside the record", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_cut_off_in_the_middle_of_a_file_does_not_take_the_next_line_with_it()
    {
        var items = Fixture.ReadText(Good1 + "\n" + Good2[..60] + "\n" + Good3 + "\n");

        Assert.Equal(["1", "3"], items.Events().Select(e => e.Data.GetProperty("Id").GetString()));
        Assert.Equal(2, Assert.Single(items.Problems()).Line);
    }

    [Fact]
    public void A_cut_off_record_in_a_pretty_printed_file_ends_where_the_next_one_starts()
    {
        var items = Fixture.ReadText("{\n  \"CreationTime\": \"2024-03-01T10:00:00\",\n  \"Operation\": \"X\",\n  \"Workload\": \"Exchange\"\n}\n{\n  \"CreationTime\": \"2024-03-01\n{\n  \"CreationTime\": \"2024-03-01T10:00:00\",\n  \"Operation\": \"Y\",\n  \"Workload\": \"Exchange\"\n}\n");

        Assert.Equal(["X", "Y"], items.Events().Select(e => e.Operation));
        Assert.Equal(6, Assert.Single(items.Problems()).Line);
    }

    [Fact]
    public void A_broken_AuditData_cell_is_reported_with_its_line_and_the_rest_of_the_export_is_read()
    {
        var items = Fixture.ReadFile("purview-export.csv");

        Assert.Equal(2, items.Events().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("AuditData: not valid JSON", problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("purview-export.csv", problem.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSV_row_with_a_stray_quote_is_reported_and_the_next_rows_are_read()
    {
        var cell = "\"" + Good1.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var items = Fixture.ReadText($"CreationDate,UserIds,Operations,AuditData\nx,y,z,{cell}\nx,y\"oops,z,{cell}\nx,y,z,{cell}\n");

        Assert.Equal(2, items.Events().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("CSV:", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"records":"none"}""", "not a known audit log record")]
    [InlineData("""[1,2,3]""", "is a JSON array, not an object")]
    [InlineData("""42""", "is a JSON number, not an object")]
    [InlineData("""{"CreationTime":"yesterday","Operation":"X","Workload":"Exchange"}""", "CreationTime is not a date")]
    [InlineData("""{"CreationTime":"2024-03-01T10:00:00","Operation":42,"Workload":"Exchange"}""", "Operation is not text")]
    [InlineData("""{"CreationTime":"2024-03-01T10:00:00","Operation":"X" "Workload":"Exchange"}""", "not valid JSON")]
    [InlineData("""{"CreationTime":"2024-03-01T10:00:00","Operation":"\uD800","Workload":"Exchange"}""", "not valid text")]
    public void A_record_of_the_wrong_shape_is_reported_with_its_line_and_the_next_record_is_read(string bad, string reason)
    {
        var items = Fixture.ReadText(Good1 + "\n" + bad + "\n" + Good3 + "\n");

        Assert.Equal(["1", "3"], items.Events().Select(e => e.Data.GetProperty("Id").GetString()));
        Assert.All(items.Problems(), p => Assert.Equal(2, p.Line));
        Assert.Contains(reason, items.Problems()[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_longer_than_the_limit_is_skipped_and_reported()
    {
        var big = Good2.Replace("\"Id\":\"2\"", "\"Id\":\"2\",\"Padding\":\"" + new string('x', 5000) + "\"", StringComparison.Ordinal);
        var items = Fixture.ReadText(Good1 + "\n" + big + "\n" + Good3 + "\n", new AuditLogReaderOptions { MaxRecordBytes = 1000 });

        Assert.Equal(["1", "3"], items.Events().Select(e => e.Data.GetProperty("Id").GetString()));
        Assert.Contains("longer than 1000 bytes", Assert.Single(items.Problems()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_neither_JSON_nor_a_Purview_export_is_one_problem()
    {
        var problem = Assert.Single(Fixture.ReadText("hello,world\n1,2\n"));

        Assert.Contains("no AuditData column", problem.Problem!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\uFEFF[\n  {R}\n]\n")]
    [InlineData("{R}\n{R}\n")]
    [InlineData("{\"records\":[{R},{R}]}")]
    [InlineData("{\"records\":[{R}]}\n{\"records\":[{R}]}\n")]
    [InlineData("{\"@odata.context\":\"x\",\"value\":[{R},\n{R}],\"@odata.nextLink\":\"y\"}")]
    [InlineData("[{R},{R}][{R}]")]
    public void Every_container_yields_its_records(string template)
    {
        var text = template.Replace("{R}", Good1, StringComparison.Ordinal);
        var expected = template.Split("{R}").Length - 1;

        var items = Fixture.ReadText(text);

        Assert.Empty(items.Problems());
        Assert.Equal(expected, items.Events().Count);
    }

    [Fact]
    public void Arbitrary_bytes_never_throw()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            using var stream = new MemoryStream(bytes);
            _ = new AuditLogReader(new AuditLogReaderOptions { MaxRecordBytes = 200 }).Read(stream, "fuzz").ToList();
        }, iter: 3000);
    }

    [Fact]
    public void JSON_like_text_never_throws()
    {
        var alphabet = Gen.OneOf(Gen.Char["{}[]\":,\\\n \"records\"value"], Gen.Char["abcXYZ019.-"], Gen.Char);
        Gen.String[alphabet, 0, 300].Sample(text =>
        {
            _ = Fixture.ReadText(text, new AuditLogReaderOptions { MaxRecordBytes = 100 });
        }, iter: 3000);
    }

    [Fact]
    public void A_bad_line_never_loses_a_good_record_after_it()
    {
        var goods = new[] { Good1, Good2, Good3 };
        var badLine = Gen.String[Gen.OneOf(Gen.Char["{}[]\":,\\ x1"], Gen.Char["abc"]), 1, 60].Where(s => !s.Contains('\n', StringComparison.Ordinal));
        var line = Gen.OneOf(Gen.Int[0, 2].Select(i => (Good: true, Text: goods[i])), badLine.Select(s => (Good: false, Text: s)));
        line.Array[1, 12].Sample(lines =>
        {
            // The file's first line is good, so it is known to be JSON lines.
            var all = new[] { (Good: true, Text: Good1) }.Concat(lines).ToArray();
            var items = Fixture.ReadText(string.Join('\n', all.Select(l => l.Text)) + "\n");

            var expected = all.Select((l, i) => (l.Good, l.Text, Line: i + 1)).Where(x => x.Good)
                .Select(x => (x.Line, Id: x.Text.Substring(x.Text.IndexOf("\"Id\":\"", StringComparison.Ordinal) + 6, 1)));
            Assert.Equal(expected, items.Events().Select(e => (e.Origin.Line, Id: e.Data.GetProperty("Id").GetString()!)));
        }, iter: 1000);
    }

    [Fact]
    public void Reading_on_several_threads_gives_the_same_events_and_problems_in_file_order()
    {
        var lines = Enumerable.Range(0, 3000).Select(i => i % 97 == 0 ? Good2[..50] : (i % 2 == 0 ? Good1 : Good3).Replace("\"Id\":\"", $"\"Id\":\"{i}-", StringComparison.Ordinal));
        var text = string.Join('\n', lines) + "\n";

        var one = Fixture.ReadText(text, new AuditLogReaderOptions { Parallelism = 1 });
        var four = Fixture.ReadText(text, new AuditLogReaderOptions { Parallelism = 4 });

        Assert.Equal(3000, one.Count);
        Assert.Equal(31, one.Problems().Count);
        Assert.Equal(one.Select(Describe), four.Select(Describe));
    }

    private static string Describe(AuditLogItem item) =>
        item.Event is { } e ? $"{e.Origin.Line} {e.Data.GetProperty("Id").GetString()}" : item.Problem!.ToString();

    [Fact]
    public void Every_member_of_a_record_is_in_its_normalized_data_with_the_same_value()
    {
        var name = Gen.OneOf(Gen.Const("Operation"), Gen.Const("operation"), Gen.Const("Na\\u006De"), Gen.String[Gen.Char["abcXY_.é"], 1, 8]);
        var scalar = Gen.OneOf(
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Const("true"), Gen.Const("null"),
            Gen.String[Gen.Char["ab <>é\\"], 0, 10].Select(t => System.Text.Json.JsonSerializer.Serialize(t)));
        var pair = Gen.OneOf(Gen.Const("{\"Name\":\"n\",\"Value\":1}"), Gen.Const("{\"Key\":\"k\",\"NewValue\":\"x\",\"OldValue\":[]}"), scalar);
        var value = Gen.OneOf(scalar, pair.Array[0, 3].Select(v => "[" + string.Join(',', v) + "]"), Gen.Const("\"[{\\\"Name\\\":\\\"e\\\",\\\"Value\\\":2}]\""));
        Gen.Select(name, value).Array[0, 6].Sample(added =>
        {
            var extra = string.Concat(added.Select(m => $",\"{m.Item1}\":{m.Item2}"));
            var record = $$"""{"CreationTime":"2024-03-01T10:00:00","Id":"1","Operation":"X","Workload":"Exchange"{{extra}}}""";
            using var input = System.Text.Json.JsonDocument.Parse(record);

            var e = Assert.Single(Fixture.ReadText(record).Events());

            var members = input.RootElement.EnumerateObject().ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                Assert.True(JsonFields.TryGet(e.Data, member.Name, out var found), member.Name);

                // Of names equal but for case the first is kept; strings may be parsed JSON or trimmed.
                var first = members.FindIndex(m => m.Name.Equals(member.Name, StringComparison.OrdinalIgnoreCase)) == i;
                if (first && member.Value.ValueKind != System.Text.Json.JsonValueKind.String)
                {
                    Assert.True(System.Text.Json.JsonElement.DeepEquals(member.Value, found), member.Name);
                }
            }
        }, iter: 2000);
    }
}
