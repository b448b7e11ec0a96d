using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;

namespace Rampart.Detection.Tests;

/// <summary>
/// Indicators under public suffixes (<c>co.uk</c>, <c>github.io</c>), which the parent filter files
/// under their last three labels: lookups must still find exactly what a naive reference finds,
/// including the suffix itself listed, both spellings of a suffix, and names cut at 16 characters.
/// </summary>
public sealed class SharedSuffixIndexTests
{
    private static readonly Attribution Attribution = new(IndicatorType.Domain, 50, "s", null, null);

    // Public suffixes of two labels (ICANN and private), one of more, and ordinary parents that look alike.
    private static readonly Gen<string> Parent = Gen.Int[0, 12].Select(i => new[]
    {
        "co.uk", "github.io", "duckdns.org", "blogspot.com", "s3.amazonaws.com", "CO.UK", "Github.io",
        "evil.com", "uk.co", "azurewebsites.net", "zurewebsites.net", "co.ukx", "abcdefghijklmnop.com",
    }[i]);

    private static readonly Gen<string> Label = Gen.OneOf(Gen.String[Gen.Char["abX-"], 1, 3], Gen.String[Gen.Char["abcXYZ019-"], 1, 14], Gen.Int[0, 3].Select(i => new[] { "co", "uk", "io", "github" }[i]));

    private static readonly Gen<string> Name = Gen.Select(Label.Array[0, 4], Parent, Gen.Bool)
        .Select((labels, parent, bare) => bare && labels.Length > 0 ? string.Join('.', labels) : string.Join('.', labels.Append(parent)));

    [Fact]
    public void Lookups_under_public_suffixes_find_exactly_the_indicators_equal_to_the_name_or_a_parent()
    {
        Gen.Select(Name.Array[1, 30], Name.Array[1, 30]).Sample((indicators, queries) =>
        {
            var set = indicators.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var builder = new IndicatorIndexBuilder();
            foreach (var domain in indicators)
            {
                builder.AddDomain(domain, Attribution);
            }

            var index = builder.Build(1);
            var hits = new IndexHit[64];
            var names = queries.Concat(indicators).Concat(indicators.Select(i => "www." + i)).ToArray();
            var counts = new int[names.Length];
            var batch = new IndexHit[names.Length * 8];
            var total = index.MatchDomains(names, counts, batch);
            var offset = 0;
            foreach (var (query, count) in names.Zip(counts))
            {
                var n = index.MatchDomain(query, hits);
                var found = hits[..n].Select(h => query[h.Start..]).Order(StringComparer.OrdinalIgnoreCase).ToArray();
                var expected = Suffixes(query).Where(set.Contains).Order(StringComparer.OrdinalIgnoreCase).ToArray();
                if (!found.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase) || !batch.AsSpan(offset, count).SequenceEqual(hits.AsSpan(0, n)))
                {
                    return false;
                }

                offset += count;
            }

            return offset == total;
        }, iter: 2_000);
    }

    [Fact]
    public void A_listed_name_under_a_public_suffix_is_found_and_its_neighbours_are_not()
    {
        var builder = new IndicatorIndexBuilder();
        builder.AddDomain("evil.co.uk", Attribution);
        builder.AddDomain("lure.github.io", Attribution);
        var index = builder.Build(1);
        var hits = new IndexHit[4];

        Assert.Equal(1, index.MatchDomain("login.evil.co.uk", hits));
        Assert.Equal("login.".Length, hits[0].Start);
        Assert.Equal(1, index.MatchDomain("lure.github.io", hits));
        Assert.Equal(0, index.MatchDomain("good.co.uk", hits));
        Assert.Equal(0, index.MatchDomain("co.uk", hits));
        Assert.Equal(0, index.MatchDomain("www.other.github.io", hits));
    }

    [Fact]
    public void A_public_suffix_listed_itself_matches_every_name_under_it()
    {
        var builder = new IndicatorIndexBuilder();
        builder.AddDomain("x.duckdns.org", Attribution);
        builder.AddDomain("duckdns.org", Attribution);
        var index = builder.Build(1);
        var hits = new IndexHit[4];

        Assert.Equal(1, index.MatchDomain("anything.duckdns.org", hits));
        Assert.Equal(2, index.MatchDomain("a.x.duckdns.org", hits));
        Assert.Equal(1, index.MatchDomain("duckdns.org", hits));
    }

    private static IEnumerable<string> Suffixes(string name)
    {
        var labels = name.Split('.');
        for (var i = 0; i <= labels.Length - 2; i++)
        {
            yield return string.Join('.', labels[i..]);
        }
    }
}
