using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>
/// "Access continued after reset" by session and token: the intruder signs in from THALLIUM's address
/// (Entra session S), the victim changes the password at 17:30, and at 17:45 the mailbox is read from an
/// address never seen before, with session S and a token issued at 17:10. The victim's own session from
/// October and the victim's new session after the reset are the victim's.
/// </summary>
public sealed class SessionScenarioTests
{
    private const string Victim = "victim@contoso.com";
    private const string IntruderSession = "3c2b1a09-8f7e-4d6c-a5b4-0c1d2e3f4a5b";
    private const string TokenIssuedBeforeReset = "Rk7mT1aW0E6hXy3PqL9sAQ";
    private const string VictimsOwnSession = "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d";
    private const string VictimsSessionAfterReset = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    [Fact]
    public async Task The_intruders_session_and_token_used_after_the_reset_from_a_new_address_are_access_continued_after_reset()
    {
        var account = Single(await Audit.ScenarioAsync("session-replayed"));

        Assert.Equal(AccountStatus.Compromised, account.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 17, 30, 0, TimeSpan.Zero), account.LastReset);
        Assert.Collection(account.ContinuedAccess,
            a =>
            {
                Assert.Equal(("session", IntruderSession, "access continued after reset"), (a.By, a.Value, a.Label));
                Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 40, TimeSpan.Zero), a.FirstSeen);
                Assert.Equal(Audit.IntruderAddress, a.First.ClientIp);
                Assert.Equal(("MailItemsAccessed", "198.51.100.200"), (a.Last.Operation, a.Last.ClientIp));
                Assert.Equal(new DateTimeOffset(2026, 11, 4, 17, 45, 9, TimeSpan.Zero), a.LastSeen);
            },
            a =>
            {
                Assert.Equal(("token", TokenIssuedBeforeReset), (a.By, a.Value));
                Assert.Equal(new DateTimeOffset(2026, 11, 4, 17, 10, 0, TimeSpan.Zero), a.FirstSeen);
                Assert.Equal(2, a.Events);
            });
        Assert.Contains(account.Timeline, t => t.What == "continued-access" && t.Text.Contains(IntruderSession, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_victims_own_sessions_before_and_after_the_reset_are_not_access_continued_after_reset()
    {
        var account = Single(await Audit.ScenarioAsync("session-replayed"));

        Assert.DoesNotContain(account.ContinuedAccess, a => a.Value is VictimsOwnSession or VictimsSessionAfterReset);
        Assert.DoesNotContain(account.ContinuedAccess, a => a.By == "ip");
    }

    [Fact]
    public async Task A_session_first_seen_after_the_reset_is_not_access_continued_even_from_the_intruders_address()
    {
        const string NewSession = "0d0e0f10-1112-4314-9516-171819202122";
        var account = Single(await Audit.ScenarioAsync("session-replayed",
            $$"""{"CreationTime":"2026-11-05T10:00:00","Id":"d1b20000-0000-4000-8000-000000000009","Operation":"MailItemsAccessed","RecordType":50,"ResultStatus":"Succeeded","Workload":"Exchange","UserId":"victim@contoso.com","ClientAppId":"00000002-0000-0ff1-ce00-000000000000","ClientIPAddress":"203.0.113.66","MailboxOwnerUPN":"victim@contoso.com","OperationProperties":[{"Name":"MailAccessType","Value":"Bind"},{"Name":"IsThrottled","Value":"False"}],"SessionId":"e1000000-0000-4000-8000-000000000009","AppAccessContext":{"AADSessionId":"{{NewSession}}","IssuedAtTime":"2026-11-05T09:58:00","UniqueTokenId":"nEwT0kEnAfTeRrEsEt00AA"},"OperationCount":4}""",
            $$"""{"CreationTime":"2026-11-05T10:20:00","Id":"d1b20000-0000-4000-8000-000000000010","Operation":"MailItemsAccessed","RecordType":50,"ResultStatus":"Succeeded","Workload":"Exchange","UserId":"victim@contoso.com","ClientAppId":"00000002-0000-0ff1-ce00-000000000000","ClientIPAddress":"198.51.100.201","MailboxOwnerUPN":"victim@contoso.com","OperationProperties":[{"Name":"MailAccessType","Value":"Bind"},{"Name":"IsThrottled","Value":"False"}],"SessionId":"e1000000-0000-4000-8000-000000000010","AppAccessContext":{"AADSessionId":"{{NewSession}}","IssuedAtTime":"2026-11-05T09:58:00","UniqueTokenId":"nEwT0kEnAfTeRrEsEt00AA"},"OperationCount":2}"""));

        // The address is the intruder's and was used before the reset; the session and token were made after it.
        Assert.Contains(account.ContinuedAccess, a => (a.By, a.Value, a.Actor) == ("ip", Audit.IntruderAddress, "THALLIUM"));
        Assert.DoesNotContain(account.ContinuedAccess, a => a.Value is NewSession or "nEwT0kEnAfTeRrEsEt00AA");
    }

    [Fact]
    public async Task An_azure_monitor_sign_in_carries_the_session_as_well_as_the_graph_shape()
    {
        var account = Single(await Audit.ScenarioAsync("session-replayed",
            """{"time":"2026-11-06T11:00:00.0000000Z","resourceId":"/tenants/d1e2f3a4-0000-4000-8000-000000000001/providers/Microsoft.aadiam","operationName":"Sign-in activity","operationVersion":"1.0","category":"NonInteractiveUserSignInLogs","tenantId":"d1e2f3a4-0000-4000-8000-000000000001","resultType":"0","resultSignature":"None","resultDescription":"","durationMs":0,"callerIpAddress":"198.51.100.202","correlationId":"0c9b8a7f-0009-4e5d-8c4b-000000000009","identity":"Vic Tim","Level":4,"location":"NL","properties":{"id":"8d1e0c2a-0009-4b6f-9a10-000000000009","createdDateTime":"2026-11-06T11:00:00Z","userDisplayName":"Vic Tim","userPrincipalName":"victim@contoso.com","userId":"11111111-1111-4111-8111-111111111111","appId":"4765445b-32c6-49b0-83e6-1d93765276ca","appDisplayName":"OfficeHome","ipAddress":"198.51.100.202","status":{"errorCode":0},"clientAppUsed":"Browser","isInteractive":false,"sessionId":"3c2b1a09-8f7e-4d6c-a5b4-0c1d2e3f4a5b","uniqueTokenIdentifier":"sEcOnDtOkEnOfSeSsIoNsAA","riskState":"none"}}"""));

        var session = Assert.Single(account.ContinuedAccess, a => a.By == "session");
        Assert.Equal(IntruderSession, session.Value);
        Assert.Equal(("198.51.100.202", new DateTimeOffset(2026, 11, 6, 11, 0, 0, TimeSpan.Zero)), (session.Last.ClientIp, session.LastSeen));
        Assert.Equal(5, session.Events);
    }

    private static AccountReport Single(FootholdAnalysis analysis) => Assert.Single(analysis.Accounts, a => a.Account == Victim);
}
