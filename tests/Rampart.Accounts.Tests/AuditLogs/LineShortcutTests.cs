using CsCheck;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Tests.AuditLogs;

/// <summary>
/// JSON lines are cut at line breaks without tracking structure; whatever a file holds, that must
/// read exactly as the structural pass reads it: the same events and the same problems, on the same lines.
/// </summary>
public sealed class LineShortcutTests
{
    private const string Good = """{"CreationTime":"2024-03-01T10:00:00","Id":"1","Operation":"UserLoggedIn","RecordType":15,"Workload":"AzureActiveDirectory","UserId":"a@contoso.com"}""";

    private static readonly string[] Fragments =
    [
        Good, Good, Good, Good.Replace("\"Id\":\"1\"", "\"Id\":\"2\"", StringComparison.Ordinal),
        "", "   ", "\t\r", Good + "\r", "  " + Good + "  ",
        Good + Good, Good + " " + Good, Good + ",", Good + " 42", Good + "}", "{" + Good,
        Good[..40], Good[..^1], Good[..^2] + "}", Good.Replace("\"Id\"", "\"Id", StringComparison.Ordinal),
        Good.Replace(",\"Id\"", " \"Id\"", StringComparison.Ordinal), Good.Replace("a@contoso", "a\\\"@contoso", StringComparison.Ordinal),
        "{}", "{ }", "[1,2]", "42", "\"text\"", "null", "}", "]", "{\"a\":{\"b\":1}", "{\"a\":\"}\"}",
        "{\"records\":[" + Good + "]}", "{\"records\":[", "{\"value\":[" + Good, "{\"@odata.context\":\"x\",\"value\":[" + Good + ",", "]}", "{\"records\":\"none\"}",
        "{\"Padding\":\"" + new string('x', 300) + "\"}",
    ];

    [Fact]
    public void Every_line_reads_as_the_structural_pass_reads_it()
    {
        var junk = Gen.String[Gen.OneOf(Gen.Char["{}[]\":,\\ \tx1"], Gen.Char["abc"]), 1, 40].Where(s => !s.Contains('\n', StringComparison.Ordinal));
        var line = Gen.Frequency((4, Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i])), (1, junk));
        Gen.Select(line.Array[1, 14], Gen.Bool, Gen.Int[1, 3]).Sample((lines, endsWithBreak, parallelism) =>
        {
            // The first line shows the file is JSON lines; the shortcut applies after it.
            var text = Good + "\n" + string.Join('\n', lines) + (endsWithBreak ? "\n" : "");
            var options = new AuditLogReaderOptions { MaxRecordBytes = 250, Parallelism = parallelism };

            var structural = Fixture.ReadText(text, options with { WholeLines = false });
            var shortcut = Fixture.ReadText(text, options);

            Assert.Equal(structural.Select(Describe), shortcut.Select(Describe));
        }, iter: 3000);
    }

    [Fact]
    public void A_line_holding_two_records_gives_both()
    {
        var items = Fixture.ReadText(Good + "\n" + Good + Good + "\n");

        Assert.Equal([1, 2, 2], items.Events().Select(e => e.Origin.Line));
        Assert.Empty(items.Problems());
    }

    private static string Describe(AuditLogItem item) =>
        item.Event is { } e ? $"{e.Origin.Line} {e.Data.GetRawText()}" : item.Problem!.ToString();
}
