using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Rampart.Core.Indicators;
using Rampart.Core.Names;
using Rampart.Core.Urls;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Collects indicators, then compiles an <see cref="IndicatorIndex"/>. Entries go straight into the
/// fingerprint table (sized from <c>capacity</c>, grown if more arrive), so streaming 10M indicators
/// from the store never holds 10M records or a second copy of the table. With <c>holdRecords</c> every record is kept whole: the
/// small delta index of recent changes uses that, so its hits need no store round trip.
/// </summary>
public sealed class IndicatorIndexBuilder(int capacity = 0, bool holdRecords = false)
{
    private readonly List<Attribution> _attributions = [];
    private readonly Dictionary<Attribution, int> _ordinals = [];
    private readonly List<Indicator> _records = [];
    private readonly List<Attribution> _recordAttributions = [];
    private readonly bool[] _v4Prefixes = new bool[33];
    private readonly bool[] _v6Prefixes = new bool[129];
    private readonly Dictionary<ulong, bool> _shared = [];
    private FingerprintTable _table = new(capacity);
    private ParentFilter _filter = new(capacity);

    /// <summary>Adds a live indicator; false when its value cannot be indexed (it is then skipped).</summary>
    public bool Add(Indicator indicator, string? actorName)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var attribution = new Attribution(indicator.Type, indicator.Confidence, indicator.Source, indicator.ActorId, actorName);
        switch (indicator.Type)
        {
            case IndicatorType.Domain:
                AppendDomain(indicator.NormalizedValue, Row(indicator, attribution, holdRecords));
                return true;
            case IndicatorType.Email:
                Append(IndicatorKeys.Of(KeyKind.Email, indicator.NormalizedValue), Row(indicator, attribution, holdRecords));
                return true;
            case IndicatorType.Md5:
            case IndicatorType.Sha1:
            case IndicatorType.Sha256:
                Append(IndicatorKeys.Of(KeyKind.FileHash, indicator.NormalizedValue), Row(indicator, attribution, holdRecords));
                return true;
            case IndicatorType.Url:
                // Stored URLs are in canonical form already (the parser gives no other).
                Append(IndicatorKeys.Of(KeyKind.UrlExpression, CanonicalUrl.ExpressionOf(indicator.NormalizedValue)), Row(indicator, attribution, hold: true));
                return true;
            case IndicatorType.Ipv4:
            case IndicatorType.Ipv6:
                if (!IPAddress.TryParse(indicator.NormalizedValue, out var address))
                {
                    return false;
                }

                AddNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128, Row(indicator, attribution, holdRecords));
                return true;
            case IndicatorType.Cidr:
                if (!IPNetwork.TryParse(indicator.NormalizedValue, out var network))
                {
                    return false;
                }

                AddNetwork(network.BaseAddress, network.PrefixLength, Row(indicator, attribution, holdRecords));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Adds a normalized domain without a record (benchmarks, generated data).</summary>
    public void AddDomain(ReadOnlySpan<char> normalized, Attribution attribution) =>
        AppendDomain(normalized, Ordinal(attribution));

    public IndicatorIndex Build(long revision)
    {
        var (table, filter) = (_table, _filter);
        (_table, _filter) = (new FingerprintTable(0), new ParentFilter(0));
        filter.Add(IndicatorIndex.MustProbe);
        var shared = _shared.Count == 0 ? SharedSuffixes.None : new SharedSuffixes(_shared);
        _shared.Clear();
        return new IndicatorIndex(table, filter, shared, [.. _attributions], [.. _records], [.. _recordAttributions],
            Present(_v4Prefixes), Present(_v6Prefixes), revision);
    }

    private static int[] Present(bool[] prefixes) =>
        Enumerable.Range(0, prefixes.Length).Where(p => prefixes[p]).OrderDescending().ToArray();

    private void AddNetwork(IPAddress address, int prefixLength, int row)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return;
        }

        (written == 4 ? _v4Prefixes : _v6Prefixes)[prefixLength] = true;
        Append(IndicatorKeys.OfNetwork(bytes[..written], prefixLength), row);
    }

    private int Row(Indicator indicator, Attribution attribution, bool hold)
    {
        if (!hold)
        {
            return Ordinal(attribution);
        }

        _records.Add(indicator);
        _recordAttributions.Add(attribution);
        return ~(_records.Count - 1);
    }

    private int Ordinal(Attribution attribution)
    {
        if (!_ordinals.TryGetValue(attribution, out var ordinal))
        {
            ordinal = _attributions.Count;
            _attributions.Add(attribution);
            _ordinals[attribution] = ordinal;
        }

        return ordinal;
    }

    private void AppendDomain(ReadOnlySpan<char> normalized, int row)
    {
        // A name without a dot can never match (lookups probe suffixes of two labels or more).
        if (normalized.Contains('.'))
        {
            FileParent(normalized);
        }

        Append(IndicatorKeys.Domain(normalized), row);
    }

    /// <summary>
    /// Files a domain in the parent filter: under its parent key, or under its last three labels
    /// when its last two are a public suffix (see <see cref="SharedSuffixes"/>). Whenever both
    /// ways meet on one key, that key becomes Listed, so a lookup under it always probes: a
    /// mismatch may cost speed, never a match.
    /// </summary>
    private void FileParent(ReadOnlySpan<char> normalized)
    {
        var key = IndicatorKeys.ParentKey(normalized, out var windowStart);
        var twoLabels = IndicatorKeys.TwoLabels(normalized.Length, windowStart);
        if (twoLabels >= 0 && normalized.Length - twoLabels < 16 && !PublicSuffixList.Default.Split(normalized[twoLabels..]).HasRegistrable)
        {
            ref var listed = ref CollectionsMarshal.GetValueRefOrAddDefault(_shared, key, out var known);
            if (!known)
            {
                // Anything filed under this key before it was known as shared must still be found.
                listed = _filter.MayContain(key);
            }

            if (twoLabels > 0)
            {
                _filter.Add(IndicatorKeys.ThreeLabelKey(normalized, key, twoLabels));
            }
            else
            {
                // The public suffix itself is an indicator: every name under it matches.
                listed = true;
            }

            return;
        }

        if (_shared.Count > 0 && _shared.ContainsKey(key))
        {
            _shared[key] = true;
        }

        _filter.Add(key);
    }

    private void Append(ulong key, int row)
    {
        if (_table.Full)
        {
            _table = _table.Grow();
        }

        _table.Insert(key, row);
    }
}
