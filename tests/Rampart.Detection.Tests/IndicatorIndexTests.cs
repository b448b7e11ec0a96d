using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using static Rampart.Detection.Tests.Fixtures;

namespace Rampart.Detection.Tests;

public sealed class IndicatorIndexTests
{
    [Fact]
    public void A_lookup_allocates_nothing()
    {
        var index = Index([Indicator("evil.com"), Indicator("198.51.100.0/24")], revision: 1);
        var hits = new IndexHit[16];
        var address = new byte[] { 198, 51, 100, 7 };
        index.MatchDomain("a.b.evil.com", hits);
        index.MatchAddress(address, hits);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var n = 0;
        for (var i = 0; i < 1000; i++)
        {
            n += index.MatchDomain("a.b.evil.com", hits) + index.MatchDomain("www.example.org", hits) + index.MatchAddress(address, hits);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2000, n);
    }

    [Fact]
    public void A_hit_carries_its_attribution_and_where_the_match_starts()
    {
        var index = Index([Indicator("evil.com", actor: "actor-9", confidence: 77, source: "dcu")], revision: 5);
        var hits = new IndexHit[4];

        var n = index.MatchDomain("login.evil.com", hits);

        Assert.Equal(1, n);
        Assert.Equal(MatchHow.ParentDomain, hits[0].How);
        Assert.Equal(6, hits[0].Start);
        Assert.Equal(new Attribution(IndicatorType.Domain, 77, "dcu", "actor-9", "Name of actor-9"), index.AttributionOf(hits[0]));
        Assert.Null(index.RecordOf(hits[0]));
        Assert.Equal(5, index.Revision);
    }

    [Fact]
    public void A_single_label_never_matches_and_a_deep_name_still_reaches_its_parent()
    {
        var index = Index([Indicator("evil.com")], revision: 1);
        var hits = new IndexHit[4];
        var deep = string.Join('.', Enumerable.Repeat("a", 100)) + ".evil.com";

        Assert.Equal(0, index.MatchDomain("com", hits));
        Assert.Equal(1, index.MatchDomain(deep, hits));
        Assert.Equal(deep.Length - "evil.com".Length, hits[0].Start);
    }

    [Fact]
    public void A_name_longer_than_any_valid_domain_still_reaches_its_parent()
    {
        var index = Index([Indicator("evil.com")], revision: 1);
        var hits = new IndexHit[4];
        var hostile = string.Join('.', Enumerable.Repeat("a", 200)) + ".evil.com";

        Assert.Equal(1, index.MatchDomain(hostile, hits));
        Assert.Equal(hostile.Length - "evil.com".Length, hits[0].Start);
    }

    [Fact]
    public void Entries_cost_at_most_24_bytes_each()
    {
        var builder = new IndicatorIndexBuilder(100_000);
        var attribution = new Attribution(IndicatorType.Domain, 50, "s", null, null);
        for (var i = 0; i < 100_000; i++)
        {
            builder.AddDomain($"lure-{i}.example", attribution);
        }

        var index = builder.Build(1);

        Assert.Equal(100_000, index.Count);
        Assert.InRange(index.TableBytes / (double)index.Count, 12, 24);
    }
}
