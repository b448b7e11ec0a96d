using Dapper;
using Rampart.Core.Sinkhole;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class SinkholeRetentionStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly DateTimeOffset Day1 = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    private static SinkholeHit Hit(long sequence, DateTimeOffset at, string source = "192.0.2.7", string? caseId = "case-1", string name = "login.hanrnaii.net") => new(
        $"node-a:{sequence}", "node-a", sequence, at, "dns-udp", source, 40000, caseId, name, 1, "NOERROR 1", null);

    private static string? Organization(string ip) => ip.StartsWith("192.0.2.", StringComparison.Ordinal) ? "Think Tank A" : null;

    private static async Task<List<RollupResult>> RollUpAllAsync(TestStore store, DateTimeOffset before)
    {
        var results = new List<RollupResult>();
        while (await store.Get<ISinkholeRetentionStore>().RollUpOldestDayAsync(before, Organization, Analyst, Ct) is { } result)
        {
            results.Add(result);
        }

        return results;
    }

    [Fact]
    public async Task Hits_past_retention_become_daily_counts_one_day_at_a_time_and_victims_still_count_them()
    {
        var store = await OpenAsync();
        var hits = store.Get<ISinkholeHitStore>();
        await hits.AddAsync(
        [
            Hit(1, Day1.AddHours(1)), Hit(2, Day1.AddHours(5)), Hit(3, Day1.AddHours(2), "198.51.100.1"),
            Hit(4, Day1.AddDays(1).AddHours(3)), Hit(5, Day1.AddDays(1).AddHours(4), caseId: null),
            Hit(6, Day1.AddDays(2).AddHours(1)),
        ], Ct);
        var before = await store.Get<IVictimStore>().ActivityAsync("case-1", Ct);

        var results = await RollUpAllAsync(store, Day1.AddDays(2));
        var again = await RollUpAllAsync(store, Day1.AddDays(2));

        Assert.Equal([new RollupResult(Day1, 3, 2), new RollupResult(Day1.AddDays(1), 2, 2)], results);
        Assert.Empty(again);
        Assert.Equal([6L], (await hits.ListAsync(new SinkholeHitQuery(), Ct)).Select(h => h.Sequence));
        Assert.Equal(before, await store.Get<IVictimStore>().ActivityAsync("case-1", Ct));
        await using var connection = await store.OpenAsync();
        var rows = (await connection.QueryAsync<(string CaseId, long Day, string SourceIp, string? Organization, long FirstAt, long LastAt, long Hits)>(
            "SELECT case_id, day, source_ip, organization, first_at, last_at, hits FROM sinkhole_rollups ORDER BY day, case_id, source_ip")).ToList();
        Assert.Equal(
            [
                ("case-1", Day1.ToUnixTimeMilliseconds(), "192.0.2.7", "Think Tank A", Day1.AddHours(1).ToUnixTimeMilliseconds(), Day1.AddHours(5).ToUnixTimeMilliseconds(), 2L),
                ("case-1", Day1.ToUnixTimeMilliseconds(), "198.51.100.1", null, Day1.AddHours(2).ToUnixTimeMilliseconds(), Day1.AddHours(2).ToUnixTimeMilliseconds(), 1L),
                ("", Day1.AddDays(1).ToUnixTimeMilliseconds(), "192.0.2.7", "Think Tank A", Day1.AddDays(1).AddHours(4).ToUnixTimeMilliseconds(), Day1.AddDays(1).AddHours(4).ToUnixTimeMilliseconds(), 1L),
                ("case-1", Day1.AddDays(1).ToUnixTimeMilliseconds(), "192.0.2.7", "Think Tank A", Day1.AddDays(1).AddHours(3).ToUnixTimeMilliseconds(), Day1.AddDays(1).AddHours(3).ToUnixTimeMilliseconds(), 1L),
            ],
            rows.Select(r => (r.CaseId, r.Day, r.SourceIp, r.Organization, r.FirstAt, r.LastAt, r.Hits)));
        var audit = await store.Audit.ListAsync(10, null, Ct);
        Assert.Contains(audit, e => e.Action == "sinkhole.rollup" && e.Target == "2026-01-10" && e.Detail == "3 raw hits into 2 daily rows");
    }

    [Fact]
    public async Task A_hit_ingested_late_into_a_rolled_up_day_is_added_to_its_count()
    {
        var store = await OpenAsync();
        var hits = store.Get<ISinkholeHitStore>();
        await hits.AddAsync([Hit(1, Day1.AddHours(3))], Ct);
        await RollUpAllAsync(store, Day1.AddDays(1));

        await hits.AddAsync([Hit(2, Day1.AddHours(1)), Hit(3, Day1.AddHours(9))], Ct);
        await RollUpAllAsync(store, Day1.AddDays(1));

        var activity = Assert.Single(await store.Get<IVictimStore>().ActivityAsync("case-1", Ct));
        Assert.Equal((Day1.AddHours(1), Day1.AddHours(9), 3L), (activity.FirstSeen, activity.LastSeen, activity.Hits));
        Assert.Equal(0, await hits.CountAsync(Ct));
    }

    [Fact]
    public async Task Purging_a_case_removes_its_raw_hits_only_with_an_audit_entry_and_the_count()
    {
        var store = await OpenAsync();
        var hits = store.Get<ISinkholeHitStore>();
        await hits.AddAsync([Hit(1, Day1), Hit(2, DateTimeOffset.UtcNow.AddHours(-1)), Hit(3, DateTimeOffset.UtcNow.AddHours(-1), caseId: "case-2")], Ct);
        await RollUpAllAsync(store, Day1.AddDays(1));
        var retention = store.Get<ISinkholeRetentionStore>();

        var purged = await retention.PurgeAsync("case-1", rollups: false, Analyst, Ct);
        var rolledUpLeft = await store.Get<IVictimStore>().ActivityAsync("case-1", Ct);
        var withRollups = await retention.PurgeAsync("case-1", rollups: true, Analyst, Ct);

        Assert.Equal((1L, 0L), purged);
        Assert.Equal(1, Assert.Single(rolledUpLeft).Hits);
        Assert.Equal((0L, 1L), withRollups);
        Assert.Empty(await store.Get<IVictimStore>().ActivityAsync("case-1", Ct));
        Assert.Equal([3L], (await hits.ListAsync(new SinkholeHitQuery(), Ct)).Select(h => h.Sequence));
        var audit = await store.Audit.ListAsync(10, null, Ct);
        Assert.Contains(audit, e => e.Action == "sinkhole.purge" && e.Target == "case-1" && e.Detail == "1 raw hits removed" && e.Who == "alice");
        Assert.Contains(audit, e => e.Action == "sinkhole.purge" && e.Detail == "0 raw hits and 1 daily rollup rows removed");
    }
    [Fact]
    public async Task Daily_rows_are_listed_by_case_name_source_and_time_like_raw_hits()
    {
        var store = await OpenAsync();
        await store.Get<ISinkholeHitStore>().AddAsync(
        [
            Hit(1, Day1.AddHours(1)), Hit(2, Day1.AddHours(5)), Hit(3, Day1.AddHours(2), "198.51.100.1"),
            Hit(4, Day1.AddDays(1).AddHours(3), name: "=cmd|' /C calc'!A0"), Hit(5, Day1.AddDays(1).AddHours(4), caseId: null),
        ], Ct);
        await RollUpAllAsync(store, Day1.AddDays(2));
        var rollups = store.Get<ISinkholeRetentionStore>();

        var all = await rollups.ListDailyAsync(new SinkholeHitQuery(), Ct);
        var ofCase = await rollups.ListDailyAsync(new SinkholeHitQuery(CaseId: "case-1", SourceIp: "192.0.2.7"), Ct);
        var byName = await rollups.ListDailyAsync(new SinkholeHitQuery(QueryName: "=cmd|' /C calc'!A0"), Ct);
        var window = await rollups.ListDailyAsync(new SinkholeHitQuery(Since: Day1.AddHours(3), Until: Day1.AddDays(1).AddHours(3)), Ct);
        var first = await rollups.ListDailyAsync(new SinkholeHitQuery(Limit: 1), Ct);

        Assert.Equal(
            [
                new SinkholeDailyCount("case-1", Day1, "login.hanrnaii.net", "192.0.2.7", "Think Tank A", Day1.AddHours(1), Day1.AddHours(5), 2),
                new SinkholeDailyCount("case-1", Day1, "login.hanrnaii.net", "198.51.100.1", null, Day1.AddHours(2), Day1.AddHours(2), 1),
                new SinkholeDailyCount(null, Day1.AddDays(1), "login.hanrnaii.net", "192.0.2.7", "Think Tank A", Day1.AddDays(1).AddHours(4), Day1.AddDays(1).AddHours(4), 1),
                new SinkholeDailyCount("case-1", Day1.AddDays(1), "=cmd|' /C calc'!A0", "192.0.2.7", "Think Tank A", Day1.AddDays(1).AddHours(3), Day1.AddDays(1).AddHours(3), 1),
            ],
            all);
        Assert.Equal([Day1, Day1.AddDays(1)], ofCase.Select(r => r.Day));
        Assert.Equal(1, Assert.Single(byName).Hits);
        // A row is kept when any of its hits falls in [since, until): 01:00-05:00 overlaps 03:00; 02:00 is before it, and the
        // next day's 03:00 and 04:00 are at or after until.
        Assert.Equal([(Day1, "192.0.2.7")], window.Select(r => (r.Day, r.SourceIp)));
        Assert.Equal(all[0], Assert.Single(first));
    }
}

public sealed class SqliteSinkholeRetentionStoreTests : SinkholeRetentionStoreTests<SqliteTarget>;

public sealed class PostgresSinkholeRetentionStoreTests : SinkholeRetentionStoreTests<PostgresTarget>;
