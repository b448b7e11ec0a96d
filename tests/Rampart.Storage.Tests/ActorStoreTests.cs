using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class ActorStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static Actor Strontium(params string[] extraAliases) => new(
        "intrusion-set--strontium",
        "STRONTIUM",
        "RU",
        "G0007",
        "Phishes credentials with lookalike mail domains.",
        [.. new[] { "STRONTIUM", "APT28", "Fancy Bear", "Forest Blizzard" }.Concat(extraAliases).Select(n => new ActorAlias(n, "knowledge-base"))],
        [],
        ["misp-galaxy:threat-actor"]);

    private static Actor Thallium() => new(
        "intrusion-set--thallium",
        "THALLIUM",
        "KP",
        "G0094",
        null,
        [new("THALLIUM", "knowledge-base"), new("Kimsuky", "knowledge-base"), new("Velvet Chollima", "knowledge-base")],
        [],
        ["misp-galaxy:threat-actor"]);

    [Fact]
    public async Task Seeding_loads_the_knowledge_base_once_per_version()
    {
        var store = await OpenAsync();

        Assert.True(await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium(), Thallium()], "2025.1", Ct));
        var afterFirst = await store.Revision.CurrentAsync(Ct);
        Assert.False(await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium(), Thallium()], "2025.1", Ct));
        Assert.Equal(afterFirst, await store.Revision.CurrentAsync(Ct));
        // The stored version answers alone: the actors, costly to build, are not asked for.
        Assert.False(await store.Actors.SeedKnowledgeBaseAsync(() => throw new InvalidOperationException("actors asked for"), "2025.1", Ct));

        Assert.True(await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium("Sofacy")], "2025.2", Ct));

        Assert.Equal(afterFirst + 1, await store.Revision.CurrentAsync(Ct));
        Assert.Contains(new ActorAlias("Sofacy", "knowledge-base"), (await store.Actors.GetAsync("intrusion-set--strontium", Ct))!.Aliases);
        Assert.NotNull(await store.Actors.GetAsync("intrusion-set--thallium", Ct));
        var seeds = (await store.Audit.ListAsync(10, null, Ct)).Where(e => e.Action == "actors.seed").ToList();
        Assert.Equal(2, seeds.Count);
        Assert.All(seeds, e => Assert.Equal(ChangeChannel.System, e.Channel));
    }

    [Fact]
    public async Task Reseeding_never_removes_names_or_actors_that_imports_added()
    {
        var store = await OpenAsync();
        await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium()], "1", Ct);
        await store.Actors.UpsertAsync(
            Strontium() with { Aliases = [new("Pawn Storm", "stix:bundle-9")], Sources = ["stix:bundle-9"], Country = null },
            Analyst,
            Ct);
        var imported = new Actor("intrusion-set--custom", "Lure Crew", null, null, null, [new("Lure Crew", "analyst")], [], ["analyst"]);
        await store.Actors.UpsertAsync(imported, Analyst, Ct);

        await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium()], "2", Ct);

        var strontium = (await store.Actors.GetAsync("intrusion-set--strontium", Ct))!;
        Assert.Contains(new ActorAlias("Pawn Storm", "stix:bundle-9"), strontium.Aliases);
        Assert.Equal("RU", strontium.Country);
        Assert.Equal(["misp-galaxy:threat-actor", "stix:bundle-9"], strontium.Sources);
        Assert.NotNull(await store.Actors.GetAsync(imported.Id, Ct));
    }

    [Fact]
    public async Task Finding_by_name_ignores_case_spaces_and_punctuation()
    {
        var store = await OpenAsync();
        await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium(), Thallium()], "1", Ct);

        var byAlias = await store.Actors.FindByNameAsync("apt-28", Ct);
        var byPrimary = await store.Actors.FindByNameAsync("strontium", Ct);
        var bySpacedAlias = await store.Actors.FindByNameAsync("VELVETCHOLLIMA", Ct);

        Assert.Equal("intrusion-set--strontium", Assert.Single(byAlias).Id);
        Assert.Equal("intrusion-set--strontium", Assert.Single(byPrimary).Id);
        Assert.Equal("intrusion-set--thallium", Assert.Single(bySpacedAlias).Id);
        Assert.Empty(await store.Actors.FindByNameAsync("Charming Kitten", Ct));
        Assert.Empty(await store.Actors.FindByNameAsync("--", Ct));
    }

    [Fact]
    public async Task A_name_two_actors_share_returns_both_as_candidates()
    {
        var store = await OpenAsync();
        var other = new Actor("intrusion-set--other", "Other Group", "CN", null, null, [new("Other Group", "vendor-x"), new("Fancy Bear", "vendor-x")], ["STRONTIUM"], ["vendor-x"]);
        await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium(), other], "1", Ct);

        var candidates = await store.Actors.FindByNameAsync("fancy bear", Ct);

        Assert.Equal(["intrusion-set--other", "intrusion-set--strontium"], candidates.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["STRONTIUM"], candidates.Single(a => a.Id == "intrusion-set--other").Related);
    }

    [Fact]
    public async Task Listing_by_country_returns_only_that_country_with_every_alias()
    {
        var store = await OpenAsync();
        await store.Actors.SeedKnowledgeBaseAsync(() => [Strontium(), Thallium()], "1", Ct);

        var korean = Assert.Single(await store.Actors.ListAsync("KP", Ct));
        var all = await store.Actors.ListAsync(null, Ct);

        Assert.Equal(("intrusion-set--thallium", "THALLIUM", "KP", "G0094", (string?)null), (korean.Id, korean.Name, korean.Country, korean.AttackId, korean.Description));
        Assert.Equal(["misp-galaxy:threat-actor"], korean.Sources);
        Assert.Empty(korean.Related);
        Assert.Equal(3, korean.Aliases.Count);
        Assert.Equal(2, all.Count);
        Assert.Equal(4, all.Single(a => a.Id == "intrusion-set--strontium").Aliases.Count);
    }
}

public sealed class SqliteActorStoreTests : ActorStoreTests<SqliteTarget>;

public sealed class PostgresActorStoreTests : ActorStoreTests<PostgresTarget>;
