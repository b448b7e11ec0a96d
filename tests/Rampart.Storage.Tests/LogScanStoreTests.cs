using Rampart.Core.Accounts;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class LogScanStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static RuleMatch Match(string account, string rule, DateTimeOffset? at, int line) => new(
        rule, "Inbox rule forwarding outside", "high", "m365/exchange", at, account, "203.0.113.7", "New-InboxRule",
        "ual.json", line, null, """{"Operation":"New-InboxRule"}""");

    [Fact]
    public async Task A_scan_and_its_matches_round_trip_and_list_by_account_oldest_event_first()
    {
        var store = await OpenAsync();
        var scans = store.Get<ILogScanStore>();
        var t0 = Ms(DateTimeOffset.UtcNow.AddDays(-1));

        var scan = await scans.RecordAsync(
            new NewLogScan(["ual.json", "signins.json"], Events: 1000, Problems: 2, Rules: 40),
            [Match("b@contoso.com", "rule-1", t0.AddMinutes(5), 7), Match("a@contoso.com", "rule-1", t0.AddMinutes(9), 9), Match("a@contoso.com", "rule-2", t0, 3)],
            Analyst, Ct);

        var listed = Assert.Single(await scans.ListScansAsync(10, Ct));
        Assert.Equal((scan.Id, scan.At, 1000L, 2L, 40), (listed.Id, listed.At, listed.Events, listed.Problems, listed.Rules));
        Assert.Equal(["ual.json", "signins.json"], listed.Files);
        Assert.Equal(3, scan.Matches);
        var forA = await scans.ListMatchesAsync(new RuleMatchQuery(Account: "a@contoso.com"), Ct);
        Assert.Equal([3, 9], forA.Select(m => m.Match.Line));
        Assert.All(forA, m => Assert.Equal(scan.Id, m.ScanId));
        Assert.Equal(Match("a@contoso.com", "rule-2", t0, 3), forA[0].Match);
        Assert.Equal(2, (await scans.ListMatchesAsync(new RuleMatchQuery(RuleId: "rule-1"), Ct)).Count);
    }

    [Fact]
    public async Task A_scan_is_one_change_with_its_audit_entry()
    {
        var store = await OpenAsync();

        await store.Get<ILogScanStore>().RecordAsync(new NewLogScan(["x.json"], 1, 0, 1), [Match("a@contoso.com", "r", null, 1)], Analyst, Ct);

        Assert.Equal(1, await store.Revision.CurrentAsync(Ct));
        var matches = await store.Get<ILogScanStore>().ListMatchesAsync(new RuleMatchQuery(), Ct);
        Assert.Null(Assert.Single(matches).Match.EventTime);
    }
}

public sealed class SqliteLogScanStoreTests : LogScanStoreTests<SqliteTarget>;

public sealed class PostgresLogScanStoreTests : LogScanStoreTests<PostgresTarget>;
