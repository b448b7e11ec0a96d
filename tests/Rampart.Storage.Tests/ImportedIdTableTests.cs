using Rampart.Storage.Intel;

namespace Rampart.Storage.Tests;

public sealed class ImportedIdTableTests
{
    [Fact]
    public void Every_version_added_is_a_candidate_of_its_id_through_the_table_growing()
    {
        using var table = new ImportedIdTable(1_000_000);
        var candidates = new List<long>();
        for (var i = 0; i < 200_000; i++)
        {
            table.Add($"indicator--{i:x8}", 1_000_000 + (2 * i));
        }

        table.Add("indicator--00000007", 5_000_000);

        Assert.Equal(200_001, table.Count);
        for (var i = 0; i < 200_000; i += 997)
        {
            table.Candidates($"indicator--{i:x8}", candidates);
            Assert.Contains(1_000_000 + (2 * i), candidates);
        }

        table.Candidates("indicator--00000007", candidates);
        Assert.Equal([1_000_014L, 5_000_000L], candidates.Order());
        table.Candidates("indicator--never", candidates);
        Assert.True(candidates.Count <= 1, "an id never added matches at most a rare hash collision, which the caller rules out by its row");
    }

    [Fact]
    public void A_version_before_the_first_date_added_is_refused()
    {
        using var table = new ImportedIdTable(1_000);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Add("indicator--a", 999));
    }
}
