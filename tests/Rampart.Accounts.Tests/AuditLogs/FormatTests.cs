using System.Net;
using System.Text.Json;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.Tests.AuditLogs;

public sealed class FormatTests
{
    private static string? Field(AuditEvent e, string path) => JsonFields.GetText(e.Data, path);

    [Fact]
    public void Management_API_records_become_m365_events_with_the_service_their_workload_maps_to()
    {
        var items = Fixture.ReadFile("ual-management-api.json");

        Assert.Empty(items.Problems());
        var events = items.Events();
        Assert.Equal(["exchange", "audit", "exchange", "threat_management"], events.Select(e => e.Logsource.Service));
        Assert.All(events, e => Assert.Equal("m365", e.Logsource.Product));
        Assert.All(events, e => Assert.Equal(AuditLogFormat.ManagementActivityApi, e.Format));
        Assert.Equal([2, 30, 62, 96], events.Select(e => e.Origin.Line));
    }

    [Fact]
    public void An_inbox_rule_keeps_its_parameters_and_gains_one_field_per_parameter()
    {
        var rule = Fixture.ReadFile("ual-management-api.json").Events()[0];

        Assert.Equal("New-InboxRule", rule.Operation);
        Assert.Equal("victim@contoso.com", rule.Account);
        Assert.Equal(IPAddress.Parse("203.0.113.7"), rule.ClientIp);
        Assert.Equal(AuditResult.Success, rule.Result);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 15, 22, TimeSpan.Zero), rule.Timestamp);
        Assert.Equal("attacker@evil.example", Field(rule, "Parameters.ForwardTo"));
        Assert.Equal("True", Field(rule, "Parameters.StopProcessingRules"));
        Assert.Equal(JsonValueKind.Array, rule.Data.GetProperty("Parameters").ValueKind);
        Assert.Equal(5, rule.Data.GetProperty("Parameters").GetArrayLength());
    }

    [Fact]
    public void A_consent_keeps_its_spelling_for_rules_and_loses_the_trailing_dot_in_the_typed_operation()
    {
        var consent = Fixture.ReadFile("ual-management-api.json").Events()[1];

        Assert.Equal("Consent to application", consent.Operation);
        Assert.Equal("Consent to application.", Field(consent, "Operation"));
        Assert.Equal(IPAddress.Parse("2001:db8::5"), consent.ClientIp);
        Assert.Equal("False", Field(consent, "ModifiedProperties.ConsentContext.IsAdminConsent.NewValue"));
        Assert.Equal("", Field(consent, "ModifiedProperties.ConsentContext.IsAdminConsent.OldValue"));
        Assert.Equal("ServicePrincipal", Field(consent, "ExtendedProperties.extendedAuditEventCategory"));
    }

    [Fact]
    public void Mailbox_access_reads_the_client_address_from_its_own_field_and_flattens_operation_properties()
    {
        var access = Fixture.ReadFile("ual-management-api.json").Events()[2];

        Assert.Equal(IPAddress.Parse("198.51.100.23"), access.ClientIp);
        Assert.Equal("Bind", Field(access, "OperationProperties.MailAccessType"));
        Assert.Equal("Exchange", access.Workload);
    }

    [Fact]
    public void An_alert_has_its_JSON_data_string_parsed()
    {
        var alert = Fixture.ReadFile("ual-management-api.json").Events()[3];

        Assert.Equal("victim@contoso.com", Field(alert, "Data.eid"));
        Assert.Equal("Suspicious inbox forwarding", Field(alert, "Name"));
    }

    [Fact]
    public void A_Purview_export_reads_the_record_in_its_AuditData_column()
    {
        var items = Fixture.ReadFile("purview-export.csv");
        var events = items.Events();

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(AuditLogFormat.PurviewCsv, e.Format));
        Assert.Equal("smtp:attacker@evil.example", Field(events[0], "Parameters.ForwardingSmtpAddress"));
        Assert.Equal(new Logsource("m365", "exchange"), events[0].Logsource);
        Assert.Equal(new Logsource("m365", "audit"), events[1].Logsource);
        Assert.Equal(4, events[1].Origin.Line);
        Assert.Equal("OAuth2:Token", Field(events[1], "ExtendedProperties.RequestType"));
    }

    [Fact]
    public void Graph_sign_ins_are_read_from_a_list_page_and_their_error_code_decides_the_result()
    {
        var items = Fixture.ReadFile("graph-signins.json");

        Assert.Empty(items.Problems());
        var events = items.Events();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(new Logsource("azure", "signinlogs"), e.Logsource));
        Assert.Equal([AuditResult.Success, AuditResult.Failure], events.Select(e => e.Result));
        Assert.Equal("testaccount1@contoso.com", events[0].Account);
        Assert.Equal(IPAddress.Parse("131.107.159.37"), events[0].ClientIp);
        Assert.Equal("Sign-in activity", events[0].Operation);
        Assert.Equal("AzureActiveDirectory", events[0].Workload);
        Assert.Equal("KR", Field(events[1], "location.countryOrRegion"));
    }

    [Fact]
    public void Graph_directory_audits_take_the_initiator_as_the_account()
    {
        var audit = Assert.Single(Fixture.ReadFile("graph-directoryaudits.json").Events());

        Assert.Equal(new Logsource("azure", "auditlogs"), audit.Logsource);
        Assert.Equal("jdoe@wingtiptoysonline.com", audit.Account);
        Assert.Equal(IPAddress.Loopback, audit.ClientIp);
        Assert.Equal("Add member to group", audit.Operation);
        Assert.Equal(AuditResult.Success, audit.Result);
        Assert.Equal("Additional Detail Value", Field(audit, "additionalDetails.Additional Detail Name"));
    }

    [Fact]
    public void Azure_Monitor_records_lift_their_properties_and_keep_them()
    {
        var events = Fixture.ReadFile("azure-monitor-eventhub.json").Events();

        Assert.Equal([AuditLogFormat.AzureMonitorSignIn, AuditLogFormat.AzureMonitorAudit], events.Select(e => e.Format));
        var signIn = events[0];
        Assert.Equal("victim@contoso.com", signIn.Account);
        Assert.Equal("singleFactorAuthentication", Field(signIn, "AuthenticationRequirement"));
        Assert.Equal("singleFactorAuthentication", Field(signIn, "properties.authenticationRequirement"));
        Assert.Equal(AuditResult.Success, signIn.Result);
        var audit = events[1];
        Assert.Equal("ApplicationManagement", Field(audit, "Category"));
        Assert.Equal("victim@contoso.com", audit.Account);
        Assert.Equal(IPAddress.Parse("198.51.100.23"), audit.ClientIp);
        Assert.Equal("Mozilla/5.0", Field(audit, "additionalDetails.User-Agent"));
    }

    [Fact]
    public void An_Azure_Monitor_audit_record_normalizes_the_same_whether_or_not_it_is_the_first_its_reader_sees()
    {
        // The operation's trailing space is Entra's own spelling; the lifted activityDisplayName loses it as operationName does.
        const string record = """{"time":"2024-03-01T10:25:11Z","operationName":"Update application \u2013 Certificates and secrets management ","category":"AuditLogs","callerIpAddress":"<null>","properties":{"id":"Directory_1","category":"ApplicationManagement","result":"success","activityDisplayName":"Update application \u2013 Certificates and secrets management ","activityDateTime":"2024-03-01T10:25:11Z","initiatedBy":{"user":{"userPrincipalName":"victim@contoso.com","ipAddress":"198.51.100.23"}}}}""";

        var events = Fixture.ReadText(record + "\n" + record + "\n", new AuditLogReaderOptions { Parallelism = 1 }).Events();

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("Update application \u2013 Certificates and secrets management", Field(e, "activityDisplayName")));
        Assert.Equal(events[1].Json.ToArray(), events[0].Json.ToArray());
    }

    [Fact]
    public void Sentinel_sign_ins_have_their_JSON_strings_parsed()
    {
        var signIn = Assert.Single(Fixture.ReadFile("sentinel-signinlogs.jsonl").Events());

        Assert.Equal(AuditLogFormat.SentinelSigninLogs, signIn.Format);
        Assert.Equal(AuditResult.Failure, signIn.Result);
        Assert.Equal("victim@contoso.com", signIn.Account);
        Assert.Equal("Linux", Field(signIn, "DeviceDetail.operatingSystem"));
        Assert.Equal("50126", Field(signIn, "Status.errorCode"));
    }

    [Fact]
    public void Sentinel_audit_logs_trim_the_operation_and_parse_the_initiator()
    {
        var audit = Assert.Single(Fixture.ReadFile("sentinel-auditlogs.jsonl").Events());

        Assert.Equal(AuditLogFormat.SentinelAuditLogs, audit.Format);
        Assert.Equal("Update application – Certificates and secrets management", audit.Operation);
        Assert.Equal("Update application – Certificates and secrets management", Field(audit, "OperationName"));
        Assert.Equal("pgustavo@simulandlabs.com", audit.Account);
        Assert.Equal("SimuLandApp", Field(audit, "TargetResources.displayName") ?? audit.Data.GetProperty("TargetResources")[0].GetProperty("displayName").GetString());
        Assert.StartsWith("Mozilla/5.0", Field(audit, "AdditionalDetails.User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public void Sentinel_office_activity_maps_its_workload_column_to_the_service()
    {
        var access = Assert.Single(Fixture.ReadFile("sentinel-officeactivity.jsonl").Events());

        Assert.Equal(AuditLogFormat.SentinelOfficeActivity, access.Format);
        Assert.Equal(new Logsource("m365", "exchange"), access.Logsource);
        Assert.Equal(IPAddress.Parse("1.2.3.4"), access.ClientIp);
        Assert.Equal("Bind", Field(access, "OperationProperties.MailAccessType"));
        Assert.Equal(@"\Inbox", access.Data.GetProperty("Folders")[0].GetProperty("Path").GetString());
    }

    [Fact]
    public void Generic_JSON_lines_are_read_through_the_field_map()
    {
        Assert.True(FieldMap.TryParse("timestamp=ts, account=actor.name, ip=src, operation=action, result=outcome, product=okta, service=system", out var map, out var error), error);
        var items = Fixture.ReadText("""
            {"ts":"2024-03-01T10:00:00Z","actor":{"name":"alice@contoso.com"},"src":"192.0.2.1:5000","action":"user.session.start","outcome":"SUCCESS"}
            {"ts":"2024-03-01T10:00:05Z","actor":{"name":"bob@contoso.com"},"src":"192.0.2.2","action":"user.session.start","outcome":"FAILURE"}
            """, new AuditLogReaderOptions { FieldMap = map });

        var events = items.Events();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(new Logsource("okta", "system"), e.Logsource));
        Assert.Equal(["alice@contoso.com", "bob@contoso.com"], events.Select(e => e.Account));
        Assert.Equal([AuditResult.Success, AuditResult.Failure], events.Select(e => e.Result));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), events[0].ClientIp);
    }

    [Theory]
    [InlineData("product=x,bogus=1", "unknown key 'bogus'")]
    [InlineData("timestamp=ts", "needs product")]
    [InlineData("product", "not key=value")]
    public void A_bad_field_map_says_what_is_wrong(string text, string expected)
    {
        Assert.False(FieldMap.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
