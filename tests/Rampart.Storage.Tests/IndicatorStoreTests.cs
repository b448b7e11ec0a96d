using System.Collections;
using System.Diagnostics;
using Rampart.Core.Indicators;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class IndicatorStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    [Fact]
    public async Task Importing_new_indicators_adds_them_at_the_next_revision()
    {
        var store = await OpenAsync();

        var result = await store.Indicators.ImportAsync(Domains(3), Analyst, Ct);

        Assert.Equal(new ImportResult(3, 0, 0, 1), result);
        Assert.Equal(1, await store.Revision.CurrentAsync(Ct));
        var page = await store.Indicators.ListAsync(new IndicatorQuery(), Ct);
        Assert.All(page.Items, i => Assert.Equal(1, i.Revision));
        Assert.All(page.Items, i => Assert.StartsWith("indicator--", i.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reimporting_the_same_batch_changes_nothing_and_keeps_the_revision()
    {
        var store = await OpenAsync();
        var batch = Domains(50);
        await store.Indicators.ImportAsync(batch, Analyst, Ct);
        var auditBefore = await store.Audit.ListAsync(100, null, Ct);

        var again = await store.Indicators.ImportAsync(batch, Analyst, Ct);

        Assert.Equal(new ImportResult(0, 0, 50, 1), again);
        Assert.False(again.ChangedAnything);
        Assert.Equal(1, await store.Revision.CurrentAsync(Ct));
        Assert.Equal(auditBefore, await store.Audit.ListAsync(100, null, Ct));
    }

    [Fact]
    public async Task An_import_counts_added_updated_and_unchanged_and_stamps_only_changed_rows()
    {
        var store = await OpenAsync();
        await store.Indicators.ImportAsync([Domain("a.example"), Domain("b.example"), Domain("c.example")], Analyst, Ct);

        var result = await store.Indicators.ImportAsync(
            [Domain("a.example"), Domain("b.example", confidence: 90), Domain("d.example"), Domain("a.example", source: "feed-b")],
            Analyst,
            Ct);

        Assert.Equal(new ImportResult(2, 1, 1, 2), result);
        var all = await AllAsync(store, new IndicatorQuery(IncludeRevoked: true));
        Assert.Equal(5, all.Count);
        Assert.Equal(1, all.Single(i => i.Value == "a.example" && i.Source == "feed-a").Revision);
        var b = all.Single(i => i.Value == "b.example");
        Assert.Equal((90, 2L), (b.Confidence, b.Revision));
        Assert.Equal(2, all.Single(i => i.Value == "a.example" && i.Source == "feed-b").Revision);
    }

    [Fact]
    public async Task A_value_repeated_in_one_batch_is_stored_once_with_its_last_fields()
    {
        var store = await OpenAsync();

        var result = await store.Indicators.ImportAsync(
            [Domain("twice.example", confidence: 10), Domain("other.example"), Domain("TWICE.example", confidence: 90)], Analyst, Ct);

        Assert.Equal(new ImportResult(2, 0, 1, 1), result);
        var twice = (await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items.Single(i => i.NormalizedValue == "twice.example");
        Assert.Equal(("TWICE.example", 90), (twice.Value, twice.Confidence));
    }

    [Fact]
    public async Task An_import_keeps_valid_from_and_the_actor_link_when_the_batch_gives_none()
    {
        var store = await OpenAsync();
        var from = Ms(DateTimeOffset.UtcNow.AddDays(-3));
        await store.Indicators.ImportAsync([Domain("kept.example", actorId: "intrusion-set--1", validFrom: from)], Analyst, Ct);

        var again = await store.Indicators.ImportAsync([Domain("kept.example")], Analyst, Ct);

        Assert.Equal(1, again.Unchanged);
        var kept = Assert.Single((await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items);
        Assert.Equal((from, "intrusion-set--1"), (kept.ValidFrom, kept.ActorId));
    }

    [Fact]
    public async Task An_import_that_fails_mid_batch_leaves_nothing_behind()
    {
        var store = await OpenAsync();
        await store.Indicators.ImportAsync([Domain("before.example")], Analyst, Ct);
        var batch = Domains(3000);
        batch[2500] = Domain("bad.example", confidence: 101);

        await Assert.ThrowsAnyAsync<Exception>(() => store.Indicators.ImportAsync(batch, Analyst, Ct));

        Assert.Equal(1, await store.Indicators.CountAsync(liveOnly: false, Ct));
        Assert.Equal(1, await store.Revision.CurrentAsync(Ct));
        Assert.Single(await store.Audit.ListAsync(100, null, Ct));
    }

    [Fact]
    public async Task A_cancelled_import_leaves_nothing_behind()
    {
        var store = await OpenAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var batch = new CancelAtIndex(Domains(5000), index: 2500, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Indicators.ImportAsync(batch, Analyst, cancel.Token));

        Assert.Equal(0, await store.Indicators.CountAsync(liveOnly: false, Ct));
        Assert.Equal(0, await store.Revision.CurrentAsync(Ct));
        Assert.Empty(await store.Audit.ListAsync(100, null, Ct));
    }

    [Fact]
    public async Task Keyset_paging_visits_every_matching_row_exactly_once()
    {
        var store = await OpenAsync();
        var batch = Domains(120, "feed-a").Concat(Domains(80, "feed-b")).ToList();
        batch.AddRange(Enumerable.Range(0, 30).Select(i => new NewIndicator(
            new IndicatorValue(IndicatorType.Ipv4, $"198.51.100.{i}", $"198.51.100.{i}"), "feed-a", ActorId: "intrusion-set--x")));
        await store.Indicators.ImportAsync(batch, Analyst, Ct);
        var revoked = (await store.Indicators.ListAsync(new IndicatorQuery(Limit: 10, Source: "feed-a", Type: IndicatorType.Domain), Ct)).Items;
        foreach (var indicator in revoked.Take(5))
        {
            await store.Indicators.RevokeAsync(indicator.Id, Analyst, Ct);
        }

        var domainsFromA = await AllAsync(store, new IndicatorQuery(Limit: 7, Type: IndicatorType.Domain, Source: "feed-a"));
        var withRevoked = await AllAsync(store, new IndicatorQuery(Limit: 7, Type: IndicatorType.Domain, Source: "feed-a", IncludeRevoked: true));
        var ofActor = await AllAsync(store, new IndicatorQuery(Limit: 4, ActorId: "intrusion-set--x"));
        var everything = await AllAsync(store, new IndicatorQuery(Limit: IndicatorQuery.MaxLimit, IncludeRevoked: true));

        Assert.Equal(115, domainsFromA.Select(i => i.Id).Distinct().Count());
        Assert.Equal(115, domainsFromA.Count);
        Assert.All(domainsFromA, i => Assert.True(i is { Type: IndicatorType.Domain, Source: "feed-a", Revoked: false }));
        Assert.Equal(120, withRevoked.Select(i => i.Id).Distinct().Count());
        Assert.Equal(30, ofActor.Select(i => i.Id).Distinct().Count());
        Assert.Equal(230, everything.Count);
        Assert.Equal(everything.Select(i => i.Id).Order(StringComparer.Ordinal), everything.Select(i => i.Id));
    }

    [Fact]
    public async Task Revoking_twice_is_one_change()
    {
        var store = await OpenAsync();
        await store.Indicators.ImportAsync([Domain("revoke.example")], Analyst, Ct);
        var id = (await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items[0].Id;

        Assert.True(await store.Indicators.RevokeAsync(id, Analyst, Ct));
        Assert.True(await store.Indicators.RevokeAsync(id, Analyst, Ct));

        Assert.Equal(2, await store.Revision.CurrentAsync(Ct));
        var indicator = await store.Indicators.GetAsync(id, Ct);
        Assert.True(indicator is { Revoked: true, Revision: 2 });
        Assert.Single(await store.Audit.ListAsync(100, null, Ct), e => e.Action == "indicator.revoke");
    }

    [Fact]
    public async Task Revoking_an_unknown_indicator_returns_false_and_changes_nothing()
    {
        var store = await OpenAsync();

        Assert.False(await store.Indicators.RevokeAsync("indicator--missing", Analyst, Ct));
        Assert.Equal(0, await store.Revision.CurrentAsync(Ct));
    }

    [Fact]
    public async Task A_reimport_does_not_revive_a_revoked_indicator()
    {
        var store = await OpenAsync();
        await store.Indicators.ImportAsync([Domain("dead.example")], Analyst, Ct);
        var id = (await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items[0].Id;
        await store.Indicators.RevokeAsync(id, Analyst, Ct);

        await store.Indicators.ImportAsync([Domain("dead.example", confidence: 80)], Analyst, Ct);

        Assert.True((await store.Indicators.GetAsync(id, Ct))!.Revoked);
    }

    [Fact]
    public async Task Streaming_live_indicators_leaves_out_revoked_expired_and_future_ones()
    {
        var store = await OpenAsync();
        var now = Ms(DateTimeOffset.UtcNow);
        await store.Indicators.ImportAsync(
        [
            Domain("live.example", validFrom: now.AddDays(-1)),
            Domain("open-ended.example", validFrom: now.AddDays(-1), validUntil: null),
            Domain("ends-later.example", validFrom: now.AddDays(-1), validUntil: now.AddDays(1)),
            Domain("expired.example", validFrom: now.AddDays(-2), validUntil: now.AddDays(-1)),
            Domain("ends-now.example", validFrom: now.AddDays(-2), validUntil: now),
            Domain("future.example", validFrom: now.AddDays(1)),
            Domain("starts-now.example", validFrom: now),
            Domain("revoked.example", validFrom: now.AddDays(-1)),
        ], Analyst, Ct);
        var revoked = (await AllAsync(store, new IndicatorQuery())).Single(i => i.Value == "revoked.example");
        await store.Indicators.RevokeAsync(revoked.Id, Analyst, Ct);

        var live = new List<Indicator>();
        await foreach (var indicator in store.Indicators.StreamLiveAsync(now, Ct))
        {
            live.Add(indicator);
        }

        Assert.Equal(
            ["ends-later.example", "live.example", "open-ended.example", "starts-now.example"],
            live.Select(i => i.Value).Order(StringComparer.Ordinal));
        Assert.All(live, i => Assert.True(i.IsLive(now)));
    }

    [Fact]
    public async Task Changed_since_a_revision_returns_what_was_added_updated_or_revoked_after_it()
    {
        var store = await OpenAsync();
        var first = await store.Indicators.ImportAsync([Domain("a.example"), Domain("b.example"), Domain("c.example")], Analyst, Ct);
        await store.Indicators.ImportAsync([Domain("b.example", confidence: 70), Domain("d.example")], Analyst, Ct);
        var c = (await AllAsync(store, new IndicatorQuery())).Single(i => i.Value == "c.example");
        await store.Indicators.RevokeAsync(c.Id, Analyst, Ct);

        var changed = await store.Indicators.ChangedSinceAsync(first.Revision, 100, Ct);
        var limited = await store.Indicators.ChangedSinceAsync(0, 2, Ct);

        Assert.Equal(["b.example", "c.example", "d.example"], changed.Select(i => i.Value).Order(StringComparer.Ordinal));
        Assert.Equal(3, changed.Single(i => i.Value == "c.example").Revision);
        Assert.Equal(2, limited.Count);
        Assert.Empty(await store.Indicators.ChangedSinceAsync(3, 100, Ct));
    }

    [Fact]
    public async Task Counting_live_indicators_leaves_out_revoked_and_expired_ones()
    {
        var store = await OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await store.Indicators.ImportAsync(
            [Domain("a.example"), Domain("b.example"), Domain("old.example", validFrom: now.AddDays(-2), validUntil: now.AddDays(-1))], Analyst, Ct);
        var a = (await AllAsync(store, new IndicatorQuery())).Single(i => i.Value == "a.example");
        await store.Indicators.RevokeAsync(a.Id, Analyst, Ct);

        Assert.Equal(3, await store.Indicators.CountAsync(liveOnly: false, Ct));
        Assert.Equal(1, await store.Indicators.CountAsync(liveOnly: true, Ct));
    }

    [Fact]
    public async Task An_indicator_round_trips_every_field()
    {
        var store = await OpenAsync();
        var from = Ms(DateTimeOffset.UtcNow.AddHours(-1));
        var until = Ms(DateTimeOffset.UtcNow.AddDays(30));
        var value = new IndicatorValue(IndicatorType.Url, "hxxp://Evil.example/login", "http://evil.example/login");
        await store.Indicators.ImportAsync([new NewIndicator(value, "misp:1", 85, "intrusion-set--t", from, until)], Analyst, Ct);

        var stored = Assert.Single((await store.Indicators.ListAsync(new IndicatorQuery(), Ct)).Items);

        Assert.Equal(stored, await store.Indicators.GetAsync(stored.Id, Ct));
        Assert.Equal(
            (IndicatorType.Url, value.Value, value.Normalized, from, (DateTimeOffset?)until, 85, "misp:1", "intrusion-set--t", false, 1L),
            (stored.Type, stored.Value, stored.NormalizedValue, stored.ValidFrom, stored.ValidUntil, stored.Confidence, stored.Source, stored.ActorId, stored.Revoked, stored.Revision));
        Assert.Null(await store.Indicators.GetAsync("indicator--missing", Ct));
    }

    [Fact]
    public async Task A_hundred_thousand_indicators_import_in_one_transaction_and_reimport_writes_nothing()
    {
        var store = await OpenAsync();
        var batch = Domains(100_000, prefix: "bulk");

        var clock = Stopwatch.StartNew();
        var first = await store.Indicators.ImportAsync(batch, Analyst, Ct);
        var importTime = clock.Elapsed;
        clock.Restart();
        var again = await store.Indicators.ImportAsync(batch, Analyst, Ct);
        var reimportTime = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"{Target.Provider}: import 100k {importTime.TotalSeconds:F1}s, re-import {reimportTime.TotalSeconds:F1}s");

        Assert.Equal(new ImportResult(100_000, 0, 0, 1), first);
        Assert.Equal(new ImportResult(0, 0, 100_000, 1), again);
        Assert.Equal(100_000, await store.Indicators.CountAsync(liveOnly: true, Ct));
        var streamed = 0;
        await foreach (var _ in store.Indicators.StreamLiveAsync(DateTimeOffset.UtcNow, Ct))
        {
            streamed++;
        }

        Assert.Equal(100_000, streamed);
    }

    private static async Task<List<Indicator>> AllAsync(TestStore store, IndicatorQuery query)
    {
        var all = new List<Indicator>();
        string? after = null;
        do
        {
            var page = await store.Indicators.ListAsync(query with { After = after }, Ct);
            Assert.True(page.Items.Count <= Math.Max(query.Limit, 1));
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        return all;
    }

    /// <summary>A batch that cancels the import when the store reads item <c>index</c>: cancellation mid-batch, deterministically.</summary>
    private sealed class CancelAtIndex(List<NewIndicator> items, int index, CancellationTokenSource cancel) : IReadOnlyList<NewIndicator>
    {
        public NewIndicator this[int i]
        {
            get
            {
                if (i == index)
                {
                    cancel.Cancel();
                }

                return items[i];
            }
        }

        public int Count => items.Count;

        public IEnumerator<NewIndicator> GetEnumerator() => Enumerable.Range(0, items.Count).Select(i => this[i]).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

public sealed class SqliteIndicatorStoreTests : IndicatorStoreTests<SqliteTarget>;

public sealed class PostgresIndicatorStoreTests : IndicatorStoreTests<PostgresTarget>;
