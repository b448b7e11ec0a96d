using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// <summary>A 253-character name has at most 127 labels, so 126 suffixes of two or more; longer input takes a slow path.</summary>
    private const int MaxSuffixes = 128;

    /// <summary>A filter key that every built filter holds (<see cref="IndicatorIndexBuilder.Build"/> adds it): the name must be probed.</summary>
    internal const ulong MustProbe = 1;

    /// <summary>Names per pipelined group in <see cref="MatchDomains"/>: 16 filter reads in flight, about what a core's fill buffers take.</summary>
    public const int BatchWidth = 16;

    private readonly FingerprintTable _table;
    private readonly ParentFilter _filter;
    private readonly SharedSuffixes _shared;
    private readonly Attribution[] _attributions;
    private readonly Indicator[] _records;
    private readonly Attribution[] _recordAttributions;
    private readonly int[] _v4Prefixes;
    private readonly int[] _v6Prefixes;

    internal IndicatorIndex(FingerprintTable table, ParentFilter filter, SharedSuffixes shared, Attribution[] attributions, Indicator[] records, Attribution[] recordAttributions, int[] v4Prefixes, int[] v6Prefixes, long revision)
    {
        _table = table;
        _filter = filter;
        _shared = shared;
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

    /// <summary>Bytes the fingerprint table and the parent filter hold (the rest is a few attributions and the URL records).</summary>
    public long TableBytes => _table.Bytes + _filter.Bytes;

    public Attribution AttributionOf(in IndexHit hit) => hit.Row >= 0 ? _attributions[hit.Row] : _recordAttributions[~hit.Row];

    /// <summary>The record when the index holds it whole; null when it must be confirmed against the store.</summary>
    public Indicator? RecordOf(in IndexHit hit) => hit.Row >= 0 ? null : _records[~hit.Row];

    /// <summary>
    /// Domain indicators equal to <paramref name="domain"/> (normalized: lowercase ASCII, no trailing
    /// dot) or to any parent with at least two labels: <c>a.b.evil.com</c> meets <c>b.evil.com</c>
    /// and <c>evil.com</c>, never <c>notevil.com</c>. The name's parent key (its last two labels,
    /// taken in one vector pass; its last three under a shared suffix such as <c>co.uk</c>) is checked
    /// in the <see cref="ParentFilter"/> first; only names it lets through (about 3 in 100 on the
    /// benchmark mix) are hashed suffix by suffix and probed.
    /// </summary>
    /// <remarks>
    /// The check is kept this small on purpose: a lookup is bound by the filter word's memory read,
    /// and the fewer instructions it takes, the more lookups a core keeps in flight while they wait.
    /// </remarks>
    public int MatchDomain(ReadOnlySpan<char> domain, Span<IndexHit> hits)
    {
        var key = FilterKey(domain);
        return key == 0 || !_filter.MayContain(key) ? 0 : MatchSuffixes(domain, hits);
    }

    /// <summary>The key to check in the filter for <paramref name="domain"/>; 0 when nothing can match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong FilterKey(ReadOnlySpan<char> domain)
    {
        var key = IndicatorKeys.ParentKey(domain, out var windowStart);
        return key != 0 && _shared.MayHold(key) ? SharedKey(domain, key, IndicatorKeys.TwoLabels(domain.Length, windowStart)) : key;
    }

    /// <summary>The filter key of a name whose parent key may be a <see cref="SharedSuffixes"/> one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong SharedKey(ReadOnlySpan<char> domain, ulong key, int twoLabels) => _shared.Find(key) switch
    {
        SharedSuffix.No => key,
        SharedSuffix.Listed => MustProbe,
        // Exactly the shared suffix's two labels: only the suffix itself could match, and it would be Listed.
        _ when twoLabels == 0 => 0,
        // Cut to 16 characters: not a shared suffix's text, only a colliding key; probe to be sure.
        _ when twoLabels < 0 => MustProbe,
        _ => IndicatorKeys.ThreeLabelKey(domain, key, twoLabels),
    };

    /// <summary>
    /// <see cref="MatchDomain"/> for many names, pipelined: the <see cref="ParentFilter"/> words of
    /// <see cref="BatchWidth"/> names are prefetched before any is checked, so one name's memory
    /// read overlaps the next one's hashing. For feeds and logs, where names come in bulk.
    /// </summary>
    /// <param name="counts">Receives the number of hits of each name; its hits follow the previous name's in <paramref name="hits"/>.</param>
    /// <returns>The number of hits written (hits beyond <paramref name="hits"/>' length are dropped).</returns>
    [SkipLocalsInit]
    public int MatchDomains(ReadOnlySpan<string> domains, Span<int> counts, Span<IndexHit> hits)
    {
        Span<ulong> parents = stackalloc ulong[BatchWidth];
        var found = 0;
        for (var first = 0; first < domains.Length; first += BatchWidth)
        {
            var width = Math.Min(BatchWidth, domains.Length - first);
            for (var d = 0; d < width; d++)
            {
                parents[d] = FilterKey(domains[first + d]);
                _filter.Prefetch(parents[d]);
            }

            for (var d = 0; d < width; d++)
            {
                var before = found;
                if (parents[d] != 0 && _filter.MayContain(parents[d]))
                {
                    found += MatchSuffixes(domains[first + d], hits[found..]);
                }

                counts[first + d] = found - before;
            }
        }

        return found;
    }

    /// <summary>
    /// The full probe of a name the filter let through: the fingerprint of every suffix with two
    /// or more labels comes from one right-to-left pass, and their slots are prefetched together so
    /// the table reads overlap.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int MatchSuffixes(ReadOnlySpan<char> domain, Span<IndexHit> hits)
    {
        Span<ulong> keys = stackalloc ulong[MaxSuffixes];
        Span<int> starts = stackalloc int[MaxSuffixes];
        var n = Suffixes(domain, keys, starts);
        if (n < 0)
        {
            return MatchLongDomain(domain, hits);
        }

        var found = 0;
        for (var p = 0; p < n; p++)
        {
            found = _table.Find(keys[p], starts[p] == 0 ? MatchHow.Exact : MatchHow.ParentDomain, starts[p], hits, found);
        }

        return found;
    }

    /// <summary>
    /// Writes the fingerprint and start of every suffix with two or more labels, shortest first, and
    /// prefetches its slot; returns how many, or -1 when there are more than <paramref name="keys"/> holds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Suffixes(ReadOnlySpan<char> domain, Span<ulong> keys, Span<int> starts)
    {
        ref var first = ref MemoryMarshal.GetReference(domain);
        var n = 0;
        var labels = 0;
        var state = IndicatorKeys.Seed(KeyKind.Domain);
        var end = domain.Length;
        while (true)
        {
            var dot = end - 1;
            while (dot >= 0 && Unsafe.Add(ref first, dot) != '.')
            {
                dot--;
            }

            state = IndicatorKeys.Extend(state, IndicatorKeys.Label(ref Unsafe.Add(ref first, dot + 1), end - dot - 1));
            if (++labels >= 2)
            {
                if (n == keys.Length)
                {
                    return -1;
                }

                var key = IndicatorKeys.Finish(state);
                _table.Prefetch(key);
                keys[n] = key;
                starts[n++] = dot + 1;
            }

            if (dot < 0)
            {
                return n;
            }

            end = dot;
        }
    }

    /// <summary>A name with more labels than a valid one can have (over 253 characters): probed suffix by suffix, without prefetching.</summary>
    private int MatchLongDomain(ReadOnlySpan<char> domain, Span<IndexHit> hits)
    {
        var found = 0;
        for (var start = domain.Length - 1; start >= 0; start--)
        {
            if (start == 0 || domain[start - 1] == '.')
            {
                var suffix = domain[start..];
                if (suffix.Contains('.'))
                {
                    found = _table.Find(IndicatorKeys.Domain(suffix), start == 0 ? MatchHow.Exact : MatchHow.ParentDomain, start, hits, found);
                }
            }
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
