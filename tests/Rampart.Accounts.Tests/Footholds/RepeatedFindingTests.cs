using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>A plain finding repeated (legacy-protocol sign-ins, medium) is one finding per account: the earliest record whole, the count and the latest.</summary>
public sealed class RepeatedFindingTests
{
    private static string ImapSignIn(int n, string time, string ip) =>
        $$$"""{"id":"4b000000-0000-4000-8000-00000000000{{{n}}}","createdDateTime":"{{{time}}}","userPrincipalName":"victim@contoso.com","userId":"11111111-1111-4111-8111-111111111111","appId":"00000002-0000-0ff1-ce00-000000000000","appDisplayName":"Office 365 Exchange Online","ipAddress":"{{{ip}}}","clientAppUsed":"IMAP4","isInteractive":false,"riskLevelDuringSignIn":"none","riskState":"none","status":{"errorCode":0}}""";

    [Fact]
    public async Task Legacy_protocol_sign_ins_in_any_order_are_one_finding_with_the_earliest_record_the_count_and_the_latest()
    {
        var account = Assert.Single((await Audit.ScenarioAsync("phished",
            ImapSignIn(1, "2026-11-03T10:00:00Z", "198.51.100.31"),
            ImapSignIn(2, "2026-11-01T10:00:00Z", "198.51.100.32"),
            ImapSignIn(3, "2026-11-06T10:00:00Z", "198.51.100.33"),
            ImapSignIn(4, "2026-11-04T10:00:00Z", "198.51.100.34"))).Accounts, a => a.Account == "victim@contoso.com");

        var legacy = Assert.Single(account.Findings, f => f.Title.Contains("legacy", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(("198.51.100.32", new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero)), (legacy.Evidence.ClientIp, legacy.Evidence.Time));
        Assert.Contains("; 4 records, the last at 2026-11-06 10:00:00Z from 198.51.100.33 (extra.jsonl:3)", legacy.Detail, StringComparison.Ordinal);
        Assert.False(legacy.OpensWindow);
    }
}
