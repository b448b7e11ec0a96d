using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class AuditAndRevisionTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    [Fact]
    public async Task Every_change_is_audited_with_who_from_which_channel_and_where()
    {
        var store = await OpenAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var user = await store.Users.CreateAsync("carol", Role.Reader, "h", new ChangeContext("alice", ChangeChannel.Console, "203.0.113.5"), Ct);
        await store.Indicators.ImportAsync([Domain("x.example")], new ChangeContext("ops", ChangeChannel.Cli, "analyst-laptop"), Ct);

        var entries = await store.Audit.ListAsync(10, null, Ct);
        Assert.Equal(2, entries.Count);
        var import = entries.Single(e => e.Action == "indicators.import");
        Assert.Equal(("ops", ChangeChannel.Cli, "analyst-laptop"), (import.Who, import.Channel, import.From));
        Assert.Contains("added=1", import.Detail, StringComparison.Ordinal);
        var create = entries.Single(e => e.Action == "user.create");
        Assert.Equal(("alice", ChangeChannel.Console, "203.0.113.5", user.Id), (create.Who, create.Channel, create.From, create.Target));
        Assert.All(entries, e => Assert.InRange(e.At, before, DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.All(entries, e => Assert.StartsWith("audit--", e.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_trail_pages_newest_first()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 7; i++)
        {
            await store.Users.CreateAsync($"user{i}", Role.Reader, "h", Analyst, Ct);
        }

        var first = await store.Audit.ListAsync(3, null, Ct);
        var second = await store.Audit.ListAsync(3, first[^1].Id, Ct);
        var third = await store.Audit.ListAsync(3, second[^1].Id, Ct);

        var all = first.Concat(second).Concat(third).ToList();
        Assert.Equal(7, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal(all.Select(e => e.Id).OrderDescending(StringComparer.Ordinal), all.Select(e => e.Id));
        Assert.Single(third);
    }

    [Fact]
    public async Task A_failed_change_writes_no_audit_entry_and_keeps_the_revision()
    {
        var store = await OpenAsync();
        await store.Users.CreateAsync("dup", Role.Reader, "h", Analyst, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Users.CreateAsync("dup", Role.Reader, "h", Analyst, Ct));

        Assert.Single(await store.Audit.ListAsync(10, null, Ct));
        Assert.Equal(1, await store.Revision.CurrentAsync(Ct));
    }

    [Fact]
    public async Task A_change_made_by_one_process_advances_the_revision_another_process_reads()
    {
        var writer = await OpenAsync();
        var reader = await OpenAsync();
        var seen = await reader.Revision.CurrentAsync(Ct);

        await writer.Indicators.ImportAsync([Domain("elsewhere.example")], Analyst, Ct);

        var now = await reader.Revision.CurrentAsync(Ct);
        Assert.True(now > seen);
        var changed = await reader.Indicators.ChangedSinceAsync(seen, 100, Ct);
        Assert.Equal("elsewhere.example", Assert.Single(changed).Value);
    }

    [Fact]
    public async Task Concurrent_writers_in_two_processes_each_get_their_own_revision()
    {
        var a = await OpenAsync();
        var b = await OpenAsync();

        var results = await Task.WhenAll(
            Task.Run(async () =>
            {
                var revisions = new List<long>();
                for (var i = 0; i < 10; i++)
                {
                    revisions.Add((await a.Indicators.ImportAsync([Domain($"a{i}.example")], Analyst, Ct)).Revision);
                }

                return revisions;
            }, Ct),
            Task.Run(async () =>
            {
                var revisions = new List<long>();
                for (var i = 0; i < 10; i++)
                {
                    revisions.Add((await b.Indicators.ImportAsync([Domain($"b{i}.example")], Analyst, Ct)).Revision);
                }

                return revisions;
            }, Ct));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), results.SelectMany(r => r).Order());
        Assert.Equal(20, await a.Revision.CurrentAsync(Ct));
        Assert.Equal(20, (await a.Audit.ListAsync(100, null, Ct)).Count);
    }
}

public sealed class SqliteAuditAndRevisionTests : AuditAndRevisionTests<SqliteTarget>;

public sealed class PostgresAuditAndRevisionTests : AuditAndRevisionTests<PostgresTarget>;
