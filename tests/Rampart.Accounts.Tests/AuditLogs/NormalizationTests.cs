using System.Net;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.Tests.AuditLogs;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("1.2.3.4:63070", "1.2.3.4")]
    [InlineData("[::1]:443", "::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("2603:10a6:20b:3a::15", "2603:10a6:20b:3a::15")]
    [InlineData(" 10.0.0.1 ", "10.0.0.1")]
    public void Client_addresses_lose_their_port_and_brackets(string text, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), ClientAddress.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("<null>")]
    [InlineData("1")]
    [InlineData("1.2.3.4:99999")]
    [InlineData("[::1]:x")]
    [InlineData("host.example:443")]
    public void Text_that_is_not_an_address_gives_none(string text) => Assert.Null(ClientAddress.Parse(text));

    [Theory]
    [InlineData("Consent to application.", "Consent to application")]
    [InlineData("Update application – Certificates and secrets management ", "Update application – Certificates and secrets management")]
    [InlineData("Disable Strong Authentication.", "Disable Strong Authentication")]
    [InlineData("New-InboxRule", "New-InboxRule")]
    [InlineData(" . ", null)]
    public void Operation_names_lose_trailing_dots_and_white_space(string name, string? expected) =>
        Assert.Equal(expected, OperationName.Normalize(name));

    [Theory]
    [InlineData("True", AuditResult.Success)]
    [InlineData("Succeeded", AuditResult.Success)]
    [InlineData("Success", AuditResult.Success)]
    [InlineData("success", AuditResult.Success)]
    [InlineData("0", AuditResult.Success)]
    [InlineData("False", AuditResult.Failure)]
    [InlineData("Failed", AuditResult.Failure)]
    [InlineData("failure", AuditResult.Failure)]
    [InlineData("50126", AuditResult.Failure)]
    [InlineData("PartiallySucceeded", AuditResult.PartialSuccess)]
    [InlineData("whatever", AuditResult.Unknown)]
    public void Result_spellings_are_one_value(string text, AuditResult expected) =>
        Assert.Equal(expected, ResultStatus.Parse(text));

    [Theory]
    [InlineData("Succeeded", "success")]
    [InlineData("Success", "success")]
    [InlineData("True", "success")]
    [InlineData("PartiallySucceeded", "success")]
    [InlineData("Failed", "failure")]
    [InlineData("False", "failure")]
    public void Unified_audit_log_records_gain_the_outcome_SigmaHQ_rules_test_as_status(string resultStatus, string expected)
    {
        var record = $$"""{"CreationTime":"2024-03-01T10:00:00","Id":"1","Operation":"AlertTriggered","RecordType":40,"Workload":"SecurityComplianceCenter","UserId":"SecurityComplianceAlerts","ResultStatus":"{{resultStatus}}"}""";

        var e = Assert.Single(Fixture.ReadText(record).Events());

        Assert.Equal(expected, JsonFields.GetText(e.Data, "Outcome"));
        Assert.Equal(resultStatus, JsonFields.GetText(e.Data, "ResultStatus"));
    }

    [Theory]
    [InlineData(",\"ResultStatus\":\"Pending\"")]
    [InlineData("")]
    public void A_record_without_a_known_result_gains_no_outcome(string resultStatus)
    {
        var record = $$"""{"CreationTime":"2024-03-01T10:00:00","Id":"1","Operation":"Set-Mailbox","RecordType":1,"Workload":"Exchange","UserId":"a@contoso.com"{{resultStatus}}}""";

        var e = Assert.Single(Fixture.ReadText(record).Events());

        Assert.False(JsonFields.TryGet(e.Data, "Outcome", out _));
    }

    [Fact]
    public void An_alert_keeps_its_own_status_beside_the_outcome()
    {
        const string record = """{"CreationTime":"2024-03-01T10:00:00","Id":"1","Operation":"AlertTriggered","RecordType":40,"Workload":"SecurityComplianceCenter","UserId":"SecurityComplianceAlerts","ResultStatus":"Succeeded","Status":"Active"}""";

        var e = Assert.Single(Fixture.ReadText(record).Events());

        Assert.Equal("Active", JsonFields.GetText(e.Data, "Status"));
        Assert.Equal("success", JsonFields.GetText(e.Data, "Outcome"));
    }

    [Fact]
    public void Entra_records_gain_no_outcome_field()
    {
        const string record = """{"id":"1","activityDateTime":"2024-03-01T10:00:00Z","activityDisplayName":"Add member to group","result":"success","initiatedBy":{"user":{"userPrincipalName":"a@contoso.com"}}}""";

        var e = Assert.Single(Fixture.ReadText(record).Events());

        Assert.Equal("azure", e.Logsource.Product);
        Assert.False(JsonFields.TryGet(e.Data, "Outcome", out _));
    }
}
