using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class RelationshipStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    [Fact]
    public async Task A_relationship_is_listed_from_either_end()
    {
        var store = await OpenAsync();

        var added = await store.Relationships.AddRelationshipAsync("indicator--1", "indicates", "intrusion-set--strontium", "stix:bundle-1", Analyst, Ct);

        Assert.StartsWith("relationship--", added.Id, StringComparison.Ordinal);
        Assert.Equal([added], await store.Relationships.ListRelationshipsAsync("indicator--1", Ct));
        Assert.Equal([added], await store.Relationships.ListRelationshipsAsync("intrusion-set--strontium", Ct));
        Assert.Empty(await store.Relationships.ListRelationshipsAsync("indicator--2", Ct));
    }

    [Fact]
    public async Task Adding_the_same_relationship_again_returns_the_existing_one_and_changes_nothing()
    {
        var store = await OpenAsync();
        var first = await store.Relationships.AddRelationshipAsync("indicator--1", "indicates", "intrusion-set--x", "feed", Analyst, Ct);

        var second = await store.Relationships.AddRelationshipAsync("indicator--1", "indicates", "intrusion-set--x", "feed", Analyst, Ct);

        Assert.Equal(first, second);
        Assert.Equal(1, await store.Revision.CurrentAsync(Ct));
    }

    [Fact]
    public async Task Sightings_round_trip_newest_first()
    {
        var store = await OpenAsync();
        var t0 = Ms(DateTimeOffset.UtcNow.AddDays(-2));

        var older = await store.Relationships.AddSightingAsync("indicator--1", t0, t0.AddHours(1), 3, "identity--sinkhole-1", "sinkhole", Analyst, Ct);
        var newer = await store.Relationships.AddSightingAsync("indicator--1", t0.AddDays(1), t0.AddDays(1).AddMinutes(5), 12, null, "sinkhole", Analyst, Ct);

        Assert.Equal([newer, older], await store.Relationships.ListSightingsAsync("indicator--1", Ct));
        Assert.Empty(await store.Relationships.ListSightingsAsync("indicator--2", Ct));
        Assert.Equal(2, await store.Revision.CurrentAsync(Ct));
    }
}

public sealed class SqliteRelationshipStoreTests : RelationshipStoreTests<SqliteTarget>;

public sealed class PostgresRelationshipStoreTests : RelationshipStoreTests<PostgresTarget>;
