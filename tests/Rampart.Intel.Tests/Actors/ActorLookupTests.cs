using Rampart.Intel.Actors;
using Rampart.Intel.Tests.Stix;

namespace Rampart.Intel.Tests.Actors;

/// <summary>The snapshot an exclusive import looks actors up in answers as the store does, order included.</summary>
public sealed class ActorLookupTests
{
    [Fact]
    public async Task The_snapshot_finds_by_every_name_and_id_what_the_store_finds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await IntelStore.CreateAsync(withActors: true);
        var live = ActorLookup.Live(store.Actors);
        var snapshot = await ActorLookup.SnapshotAsync(store.Actors, ct);
        var actors = await store.Actors.ListAsync(null, ct);
        var names = actors.SelectMany(a => a.Aliases.Select(x => x.Name).Prepend(a.Name))
            .SelectMany(n => new[] { n, n.ToUpperInvariant(), " " + n.ToLowerInvariant() + " " })
            .Concat(["", "   ", "no such actor", "THALLIUM", "Strontium", "APT 28"])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(names.Count > 1000, $"{names.Count} names: the shipped knowledge base should give many");

        foreach (var name in names)
        {
            var expected = (await live.FindByNameAsync(name, ct)).Select(a => a.Id);
            Assert.Equal(expected, (await snapshot.FindByNameAsync(name, ct)).Select(a => a.Id));
        }

        foreach (var id in actors.Select(a => a.Id).Append("intrusion-set--00000000-0000-4000-8000-000000000000"))
        {
            Assert.Equal((await live.GetAsync(id, ct))?.Name, (await snapshot.GetAsync(id, ct))?.Name);
        }
    }
}
