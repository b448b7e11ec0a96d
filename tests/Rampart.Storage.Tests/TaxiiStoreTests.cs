using System.Text;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Storage.Tests.Infrastructure;
using Rampart.Taxii;
using Rampart.Taxii.Collections;
using Rampart.Taxii.Objects;

namespace Rampart.Storage.Tests;

/// <summary>
/// Issue #15 "built for many nodes": <c>date_added</c> comes from the store, strictly increasing, and
/// committed in that order, so readers on other processes that page by it miss nothing.
/// </summary>
public abstract class TaxiiStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly TaxiiCollection All = new(Guid.NewGuid().ToString(), "All", null, null, TaxiiCollectionKind.All, null, Tlp.AmberStrict);

    private static StixObjectVersion Identity(string id) =>
        new(id, "identity", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), false, null, Encoding.UTF8.GetBytes($$"""{"type":"identity","id":"{{id}}"}"""));

    private static Task WriteAsync(TestStore store, IReadOnlyList<StixObjectVersion> objects) =>
        store.Get<IStixStore>().ImportAsync("test", writer => writer.WriteAsync(objects, Ct), Analyst, Ct);

    private static async Task<List<TaxiiEntry>> ReadAllAsync(TestStore store, long after, long upper, int limit)
    {
        var entries = new List<TaxiiEntry>();
        while (true)
        {
            var page = await store.Get<ITaxiiStore>().ReadAsync(new TaxiiRead(All, [Tlp.Clear, Tlp.Green], TaxiiQuery.Empty, null, after, upper, limit), Ct);
            entries.AddRange(page.Entries);
            if (!page.More)
            {
                return entries;
            }

            after = page.Entries[^1].DateAdded;
        }
    }

    [Fact]
    public async Task Date_added_is_unique_and_increasing_in_commit_order_across_two_processes_writing_at_once()
    {
        var one = await OpenAsync();
        var two = await OpenAsync();

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await WriteAsync(one, Enumerable.Range(0, 20).Select(_ => Identity($"identity--{Guid.NewGuid()}")).ToList()); } }, Ct),
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await WriteAsync(two, Enumerable.Range(0, 20).Select(_ => Identity($"identity--{Guid.NewGuid()}")).ToList()); } }, Ct));

        var entries = await ReadAllAsync(one, -1, await one.Get<ITaxiiStore>().HighWaterMarkAsync(Ct), 1000);
        Assert.Equal(400, entries.Count);
        Assert.Equal(400, entries.Select(e => e.DateAdded).Distinct().Count());
        Assert.Equal(entries.Select(e => e.DateAdded).Order(), entries.Select(e => e.DateAdded));
    }

    [Fact]
    public async Task A_reader_paging_by_date_added_while_another_process_writes_sees_every_object_exactly_once()
    {
        var writer = await OpenAsync();
        var reader = await OpenAsync();
        var written = new List<string>();
        await WriteAsync(writer, Enumerable.Range(0, 50).Select(_ => Identity($"identity--{Guid.NewGuid()}")).ToList());

        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var batch = Enumerable.Range(0, 10).Select(_ => Identity($"identity--{Guid.NewGuid()}")).ToList();
                await WriteAsync(writer, batch);
                lock (written)
                {
                    written.AddRange(batch.Select(b => b.Id));
                }
            }
        }, Ct);

        // Incremental pulls, as a client makes them: each from the last date_added seen to the current high-water mark.
        var seen = new List<string>();
        long after = -1;
        while (!writing.IsCompleted || after < await reader.Get<ITaxiiStore>().HighWaterMarkAsync(Ct))
        {
            var entries = await ReadAllAsync(reader, after, await reader.Get<ITaxiiStore>().HighWaterMarkAsync(Ct), 7);
            seen.AddRange(entries.Select(e => e.Id));
            if (entries.Count > 0)
            {
                after = entries[^1].DateAdded;
            }
        }

        await writing;
        Assert.Equal(250, seen.Count);
        Assert.Equal(250, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), written.ToHashSet());
    }

    [Fact]
    public async Task Adding_the_same_version_to_an_inbox_twice_lists_it_once()
    {
        var store = await OpenAsync();
        var inbox = All with { Id = Guid.NewGuid().ToString(), Kind = TaxiiCollectionKind.Inbox };
        await store.Get<ITaxiiStore>().CreateCollectionAsync(inbox, Analyst, Ct);
        var identity = Identity($"identity--{Guid.NewGuid()}");
        await WriteAsync(store, [identity]);

        var first = await store.Get<ITaxiiStore>().AddToCollectionAsync(inbox.Id, [(identity.Id, identity.Modified)], Analyst, Ct);
        var second = await store.Get<ITaxiiStore>().AddToCollectionAsync(inbox.Id, [(identity.Id, identity.Modified)], Analyst, Ct);

        Assert.Equal((1, 0), (first, second));
        var page = await store.Get<ITaxiiStore>().ReadAsync(new TaxiiRead(inbox, [Tlp.Clear], TaxiiQuery.Empty, null, -1, long.MaxValue, 10), Ct);
        Assert.Equal([identity.Id], page.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task Removing_a_version_from_an_inbox_advances_the_revision_and_leaves_the_stored_version_to_the_other_collections()
    {
        var store = await OpenAsync();
        var inbox = All with { Id = Guid.NewGuid().ToString(), Kind = TaxiiCollectionKind.Inbox };
        var taxii = store.Get<ITaxiiStore>();
        await taxii.CreateCollectionAsync(inbox, Analyst, Ct);
        var identity = Identity($"identity--{Guid.NewGuid()}");
        await WriteAsync(store, [identity]);
        await taxii.AddToCollectionAsync(inbox.Id, [(identity.Id, identity.Modified)], Analyst, Ct);
        var before = await store.Get<Core.Storage.IStoreRevision>().CurrentAsync(Ct);

        var removed = await taxii.RemoveFromCollectionAsync(inbox.Id, [(identity.Id, identity.Modified)], Analyst, Ct);
        var again = await taxii.RemoveFromCollectionAsync(inbox.Id, [(identity.Id, identity.Modified)], Analyst, Ct);

        Assert.Equal((1, 0), (removed, again));
        Assert.True(await store.Get<Core.Storage.IStoreRevision>().CurrentAsync(Ct) > before);
        var inboxPage = await taxii.ReadAsync(new TaxiiRead(inbox, [Tlp.Clear], TaxiiQuery.Empty, null, -1, long.MaxValue, 10), Ct);
        var allPage = await taxii.ReadAsync(new TaxiiRead(All, [Tlp.Clear], TaxiiQuery.Empty with { Ids = [identity.Id] }, null, -1, long.MaxValue, 10), Ct);
        Assert.Empty(inboxPage.Entries);
        Assert.Equal([identity.Id], allPage.Entries.Select(e => e.Id));
    }
}

public sealed class SqliteTaxiiStoreTests : TaxiiStoreTests<SqliteTarget>;

public sealed class PostgresTaxiiStoreTests : TaxiiStoreTests<PostgresTarget>;
