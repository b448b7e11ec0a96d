namespace Rampart.Core.Tests;

public sealed class RampartIdTests
{
    [Fact]
    public void Ids_made_in_a_batch_are_typed_distinct_version_7_uuids_of_now()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = new string[200];

        RampartId.NewMany("indicator", ids);

        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var id in ids)
        {
            Assert.StartsWith("indicator--", id, StringComparison.Ordinal);
            var uuid = Guid.ParseExact(id["indicator--".Length..], "D");
            Assert.Equal(7, uuid.Version);
            Assert.Equal(0b10, uuid.Variant >> 2);
            var milliseconds = Convert.ToInt64(uuid.ToString("N")[..12], 16);
            Assert.InRange(milliseconds, before, after);
        }
    }

    [Fact]
    public void A_batch_id_sorts_after_an_id_made_one_by_one_a_millisecond_earlier()
    {
        var earlier = RampartId.New("indicator");
        Thread.Sleep(2);
        var ids = new string[3];

        RampartId.NewMany("indicator", ids);

        Assert.All(ids, id => Assert.True(string.CompareOrdinal(earlier, id) < 0, $"{earlier} !< {id}"));
    }
}
