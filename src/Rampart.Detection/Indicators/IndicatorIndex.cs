using System.Runtime.CompilerServices;
using Rampart.Core.Indicators;

namespace Rampart.Detection.Indicators;

/// <summary>
/// An immutable compiled snapshot of live indicators, tagged with the store revision it was built
/// from: domains (matched by the name and every parent), Safe Browsing URL expressions, IPv4/IPv6
/// addresses and networks, e-mail addresses and file hashes. Built off the hot path by
/// <see cref="IndicatorIndexBuilder"/> and swapped in whole.
/// </summary>
/// <remarks>
/// Entries are 64-bit fingerprints with an attribution ordinal, 20 bytes each, never strings: 10M
/// domains take about 200 MB. The record behind a fingerprint (its id and stored value) is read from
/// the store only when a lookup hits. URL indicators are held whole because their lookup key (host
/// and path expression) is not the value the store keeps. Lookups take spans, write hits into a
/// caller's span and allocate nothing.
/// </remarks>
public sealed class IndicatorIndex
{
    /// <summary>Labels in a 253-character name are at most 127; suffixes beyond this many are probed without prefetching.</summary>
    private const int PrefetchedSuffixes = 16;

    private readonly FingerprintTable _table;
    private readonly Attribution[] _attributions;
    private readonly Indicator[] _records;
    private readonly Attribution[] _recordAttributions;
    private readonly int[] _v4Prefixes;
    private readonly int[] _v6Prefixes;

    internal IndicatorIndex(FingerprintTable table, Attribution[] attributions, Indicator[] records, Attribution[] recordAttributions, int[] v4Prefixes, int[] v6Prefixes, long revision)
    {
        _table = table;
        _attributions = attributions;
        _records = records;
        _recordAttributions = recordAttributions;
        _v4Prefixes = v4Prefixes;
        _v6Prefixes = v6Prefixes;
        Revision = revision;
    }

    public static IndicatorIndex Empty { get; } = new IndicatorIndexBuilder().Build(0);

    /// <summary>The store revision the index was built from.</summary>
    public long Revision { get; }

    /// <summary>Entries (one per indicator that could be indexed).</summary>
    public int Count => _table.Count;

    /// <summary>Bytes the fingerprint table holds (the rest is a few attributions and the URL records).</summary>
    public long TableBytes => _table.Bytes;

    public Attribution AttributionOf(in IndexHit hit) => hit.Row >= 0 ? _attributions[hit.Row] : _recordAttributions[~hit.Row];

    /// <summary>The record when the index holds it whole; null when it must be confirmed against the store.</summary>
    public Indicator? RecordOf(in IndexHit hit) => hit.Row >= 0 ? null : _records[~hit.Row];

    /// <summary>
    /// Domain indicators equal to <paramref name="domain"/> (normalized: lowercase ASCII, no trailing
    /// dot) or to any parent with at least two labels: <c>a.b.evil.com</c> meets <c>b.evil.com</c>
    /// and <c>evil.com</c>, never <c>notevil.com</c>. Fingerprints of all suffixes come from one
    /// right-to-left pass; their slots are prefetched together so the memory reads overlap.
    /// </summary>
    [SkipLocalsInit]
    public int MatchDomain(ReadOnlySpan<char> domain, Span<IndexHit> hits)
    {
        Span<ulong> keys = stackalloc ulong[PrefetchedSuffixes];
        Span<int> starts = stackalloc int[PrefetchedSuffixes];
        var pending = 0;
        var found = 0;
        var dots = 0;
        var hash = IndicatorKeys.Seed(KeyKind.Domain);
        for (var i = domain.Length - 1; i >= 0; i--)
        {
            var c = domain[i];
            if (c == '.' && dots++ > 0)
            {
                var key = IndicatorKeys.Finish(hash);
                if (pending == PrefetchedSuffixes)
                {
                    found = ProbeSuffix(key, i + 1, hits, found);
                }
                else
                {
                    _table.Prefetch(key);
                    keys[pending] = key;
                    starts[pending++] = i + 1;
                }
            }

            hash = IndicatorKeys.Step(hash, c);
        }

        if (dots > 0)
        {
            found = ProbeSuffix(IndicatorKeys.Finish(hash), 0, hits, found);
        }

        for (var p = 0; p < pending; p++)
        {
            found = ProbeSuffix(keys[p], starts[p], hits, found);
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ProbeSuffix(ulong key, int start, Span<IndexHit> hits, int found)
    {
        Span<int> rows = stackalloc int[8];
        var n = _table.Find(key, rows);
        for (var r = 0; r < n && found < hits.Length; r++)
        {
            hits[found++] = new IndexHit(start == 0 ? MatchHow.Exact : MatchHow.ParentDomain, rows[r], start);
        }

        return found;
    }

    public int MatchEmail(ReadOnlySpan<char> email, Span<IndexHit> hits) => MatchKey(IndicatorKeys.Of(KeyKind.Email, email), MatchHow.Exact, hits, 0);

    public int MatchFileHash(ReadOnlySpan<char> hash, Span<IndexHit> hits) => MatchKey(IndicatorKeys.Of(KeyKind.FileHash, hash), MatchHow.Exact, hits, 0);

    /// <summary>URL indicators whose expression (host and path, see <see cref="Core.Urls.UrlExpressions"/>) is <paramref name="expression"/>.</summary>
    public int MatchUrlExpression(ReadOnlySpan<char> expression, MatchHow how, Span<IndexHit> hits) =>
        MatchKey(IndicatorKeys.Of(KeyKind.UrlExpression, expression), how, hits, 0);

    /// <summary>
    /// Address and network indicators containing <paramref name="address"/> (4 or 16 bytes), most
    /// specific first, one probe per prefix length that some indicator uses, up to <paramref name="maxPrefix"/>.
    /// </summary>
    public int MatchAddress(ReadOnlySpan<byte> address, Span<IndexHit> hits, int maxPrefix = 128)
    {
        var found = 0;
        var full = address.Length * 8;
        foreach (var prefix in address.Length == 4 ? _v4Prefixes : _v6Prefixes)
        {
            if (prefix > maxPrefix)
            {
                continue;
            }

            var start = found;
            found = MatchKey(IndicatorKeys.OfNetwork(address, prefix), prefix == full ? MatchHow.Exact : MatchHow.Network, hits, found);
            for (var h = start; h < found; h++)
            {
                hits[h] = hits[h] with { PrefixLength = prefix };
            }
        }

        return found;
    }

    private int MatchKey(ulong key, MatchHow how, Span<IndexHit> hits, int found)
    {
        Span<int> rows = stackalloc int[8];
        var n = _table.Find(key, rows);
        for (var r = 0; r < n && found < hits.Length; r++)
        {
            hits[found++] = new IndexHit(how, rows[r], 0);
        }

        return found;
    }
}
