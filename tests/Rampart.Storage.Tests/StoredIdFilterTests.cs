using CsCheck;
using Rampart.Storage.Intel;

namespace Rampart.Storage.Tests;

public sealed class StoredIdFilterTests
{
    [Fact]
    public void Every_id_added_may_be_contained() =>
        Gen.String.Array[0, 300].Sample(ids =>
        {
            var filter = new StoredIdFilter();
            foreach (var id in ids)
            {
                filter.Add(id);
            }

            Assert.All(ids, id => Assert.True(filter.MayContain(id)));
        });

    /// <summary>A "maybe" for an id never added costs a look-up; at 100,000 ids they must stay rare.</summary>
    [Fact]
    public void Ids_never_added_are_almost_all_ruled_out()
    {
        var filter = new StoredIdFilter();
        for (var i = 0; i < 100_000; i++)
        {
            filter.Add($"indicator--{Guid.NewGuid()}");
        }

        var maybe = Enumerable.Range(0, 100_000).Count(_ => filter.MayContain($"indicator--{Guid.NewGuid()}"));

        Assert.True(maybe < 10, $"{maybe} of 100,000 ids never added were not ruled out");
    }
}
