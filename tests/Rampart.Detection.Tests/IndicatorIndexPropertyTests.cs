using System.Net;
using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using static Rampart.Detection.Tests.Fixtures;

namespace Rampart.Detection.Tests;

/// <summary>The compiled index against a naive reference (string sets, <see cref="IPNetwork.Contains"/>) on random data.</summary>
public sealed class IndicatorIndexPropertyTests
{
    // A tiny alphabet so random names share labels, parents and siblings often.
    private static readonly Gen<string> Label = Gen.String[Gen.Char["abx-"], 1, 3].Where(l => l[0] != '-' && l[^1] != '-');
    private static readonly Gen<string> Name = Label.Array[2, 5].Select(labels => string.Join('.', labels) + ".com");

    [Fact]
    public void Domain_lookups_find_exactly_the_indicators_equal_to_the_name_or_a_parent()
    {
        Gen.Select(Name.Array[1, 40], Name.Array[1, 40]).Sample((indicators, queries) =>
        {
            var set = indicators.ToHashSet(StringComparer.Ordinal);
            var builder = new IndicatorIndexBuilder();
            var attribution = new Attribution(IndicatorType.Domain, 50, "s", null, null);
            foreach (var domain in set)
            {
                builder.AddDomain(domain, attribution);
            }

            var index = builder.Build(1);
            Span<IndexHit> hits = stackalloc IndexHit[64];
            foreach (var query in queries.Concat(indicators.Select(i => "sub." + i)))
            {
                var n = index.MatchDomain(query, hits);
                var found = hits[..n].ToArray().Select(h => query[h.Start..]).Order(StringComparer.Ordinal).ToArray();
                var expected = Suffixes(query).Where(set.Contains).Order(StringComparer.Ordinal).ToArray();
                if (!found.SequenceEqual(expected))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Pipelined_batches_find_what_single_lookups_find()
    {
        Gen.Select(Name.Array[1, 40], Name.Array[0, 40]).Sample((indicators, queries) =>
        {
            var builder = new IndicatorIndexBuilder();
            var attribution = new Attribution(IndicatorType.Domain, 50, "s", null, null);
            foreach (var domain in indicators)
            {
                builder.AddDomain(domain, attribution);
            }

            var index = builder.Build(1);
            var names = queries.Concat(indicators.Select(i => "www." + i)).ToArray();
            var counts = new int[names.Length];
            var batch = new IndexHit[names.Length * 8];
            var total = index.MatchDomains(names, counts, batch);
            var single = new IndexHit[8];
            var offset = 0;
            foreach (var (name, count) in names.Zip(counts))
            {
                var n = index.MatchDomain(name, single);
                Assert.Equal(single[..n], batch[offset..(offset + count)]);
                offset += count;
            }

            Assert.Equal(offset, total);
        });
    }

    [Fact]
    public void Address_lookups_find_exactly_the_networks_that_contain_the_address()
    {
        var network = Gen.Select(Gen.UInt, Gen.Int[8, 32]).Select((a, p) => new IPNetwork(Mask(a, p), p));
        var address = Gen.UInt.Select(a => new IPAddress(BitConverter.GetBytes(a)));
        Gen.Select(network.Array[1, 30], address.Array[1, 30]).Sample((networks, addresses) =>
        {
            var indicators = networks.Distinct().Select(n => Indicator(n.ToString())).ToArray();
            var index = Index(indicators, revision: 1);
            Span<IndexHit> hits = stackalloc IndexHit[64];
            Span<byte> bytes = stackalloc byte[4];
            // Addresses inside the networks too, not only random ones (which rarely fall in a /32).
            foreach (var a in addresses.Concat(networks.Select(n => n.BaseAddress)))
            {
                a.TryWriteBytes(bytes, out _);
                var n = index.MatchAddress(bytes, hits);
                var found = hits[..n].ToArray().Select(h => h.PrefixLength).Order().ToArray();
                var expected = networks.Distinct().Where(x => x.Contains(a)).Select(x => x.PrefixLength).Order().ToArray();
                Assert.True(found.SequenceEqual(expected), $"{a}: found /{string.Join(",/", found)}, expected /{string.Join(",/", expected)}");
            }
        });
    }

    private static IEnumerable<string> Suffixes(string name)
    {
        var labels = name.Split('.');
        for (var i = 0; i <= labels.Length - 2; i++)
        {
            yield return string.Join('.', labels[i..]);
        }
    }

    private static IPAddress Mask(uint address, int prefix)
    {
        var bytes = BitConverter.GetBytes(address);
        for (var i = 0; i < 4; i++)
        {
            bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(prefix - (i * 8), 0, 8)));
        }

        return new IPAddress(bytes);
    }
}
