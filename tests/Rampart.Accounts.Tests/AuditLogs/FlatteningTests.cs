using System.Text;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Tests.AuditLogs;

/// <summary>
/// Name-value arrays become fields when a rule asks for one under them; when one array alone can hold
/// the name only that array is read, and the record kept with a match is the same as when every array was.
/// </summary>
public sealed class FlatteningTests
{
    // Folders is not a name-value array; Parameters and OperationProperties are, in that order.
    private const string Record = """
        {"CreationTime":"2026-10-01T00:00:00","Id":"1","Operation":"MailItemsAccessed","RecordType":50,"ResultStatus":"Succeeded","Workload":"Exchange","UserId":"a@contoso.com","Parameters":[{"Name":"Identity","Value":"a"},{"Name":"Note","Value":"x"}],"Folders":[{"FolderItems":[{"InternetMessageId":"<1@x>"}],"Path":"\\Inbox"}],"OperationProperties":[{"Name":"MailAccessType","Value":"Bind"},{"Name":"IsThrottled","Value":"True"}]}
        """;

    [Theory]
    [InlineData("OperationProperties.IsThrottled", "'True'")]
    [InlineData("Parameters.Identity", "a")]
    [InlineData("operationproperties.mailaccesstype", "Bind")]
    public void A_field_under_one_array_matches_and_the_kept_record_lists_every_array_in_record_order(string field, string value)
    {
        var match = Assert.Single(Scan($"{field}: {value}"));
        Assert.Equal(FullyNormalized(), match.EventJson);
    }

    [Fact]
    public void Fields_under_two_arrays_both_match_in_one_rule()
    {
        var match = Assert.Single(Scan("OperationProperties.IsThrottled: 'True'\n        Parameters.Note: x"));
        Assert.Equal(FullyNormalized(), match.EventJson);
    }

    [Fact]
    public void A_name_under_an_array_that_does_not_hold_it_matches_nothing() => Assert.Empty(Scan("OperationProperties.Identity: a"));

    // Item keys in other cases, escaped, or empty: the exact spelling wins over another case, an escaped
    // name reads as its text, an empty Name gives way to Key.
    private const string OddItems = """
        {"CreationTime":"2026-10-01T00:00:00","Id":"2","Operation":"MailItemsAccessed","RecordType":50,"ResultStatus":"Succeeded","Workload":"Exchange","UserId":"a@contoso.com","OperationProperties":[{"name":"Lower","value":"other case","Value":"exact"},{"N\u0061me":"Escaped","Value":"e"},{"Name":"","Key":"ByKey","Value":"k"},{"NAME":"Upper","NewValue":"n","OldValue":"o"}]}
        """;

    [Theory]
    [InlineData("OperationProperties.Lower", "exact", true)]
    [InlineData("OperationProperties.Lower", "'other case'", false)]
    [InlineData("OperationProperties.Escaped", "e", true)]
    [InlineData("OperationProperties.ByKey", "k", true)]
    [InlineData("OperationProperties.Upper.NewValue", "n", true)]
    [InlineData("OperationProperties.Upper.OldValue", "o", true)]
    public void Item_names_and_values_are_found_as_the_member_table_finds_them(string field, string value, bool matches)
    {
        Assert.Equal(matches, Scan($"{field}: {value}", OddItems).Count == 1);
    }

    /// <summary>The record as the reader writes it when every record is kept (every array flattened, in order).</summary>
    private static string FullyNormalized() => Assert.Single(Fixture.ReadText(Record).Events()).RawText;

    private static List<ScanMatch> Scan(string selection, string record = Record)
    {
        var rule = $"""
            title: Flattening
            logsource:
                product: m365
                service: exchange
            detection:
                selection:
                    {selection}
                condition: selection
            """;
        var rules = SigmaRuleSet.Compile(SigmaLoader.LoadText(rule, "flattening.yml").Documents);
        var scanner = new AuditLogScanner(rules);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(record));
        scanner.ScanStream(stream, "test.json");
        return scanner.Summary.Matches;
    }
}
