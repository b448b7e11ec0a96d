using System.Collections.Frozen;
using System.Net;
using Rampart.Core.Indicators;
using Rampart.Detection.Verdicts;

namespace Rampart.Detection.Indicators;

/// <summary>
/// An immutable set of live indicators, built off the hot path and swapped in whole. This first
/// version answers exact and parent-domain matches from frozen dictionaries and scans CIDRs; the
/// verdict-engine issue replaces it with the compiled index behind the same engine interface.
/// </summary>
public sealed class IndicatorSnapshot
{
    private readonly FrozenDictionary<string, VerdictMatch[]> _exact;
    private readonly (IPNetwork Network, VerdictMatch Match)[] _networks;

    private IndicatorSnapshot(FrozenDictionary<string, VerdictMatch[]> exact, (IPNetwork, VerdictMatch)[] networks, long revision)
    {
        _exact = exact;
        _networks = networks;
        Revision = revision;
    }

    public static IndicatorSnapshot Empty { get; } = Build([], _ => null, 0);

    /// <summary>The store revision the snapshot was built from.</summary>
    public long Revision { get; }

    public int Count => _exact.Count + _networks.Length;

    /// <param name="actorName">Resolves an actor id to the name shown in attributions.</param>
    public static IndicatorSnapshot Build(IEnumerable<Indicator> indicators, Func<string, string?> actorName, long revision)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(actorName);
        var exact = new Dictionary<string, List<VerdictMatch>>(StringComparer.Ordinal);
        var networks = new List<(IPNetwork, VerdictMatch)>();
        foreach (var indicator in indicators)
        {
            var match = new VerdictMatch(
                indicator.Id, indicator.Type, indicator.Value, How: "exact", indicator.Confidence, indicator.Source,
                indicator.ActorId, indicator.ActorId is null ? null : actorName(indicator.ActorId));
            if (indicator.Type == IndicatorType.Cidr && IPNetwork.TryParse(indicator.NormalizedValue, out var network))
            {
                networks.Add((network, match with { How = "cidr" }));
                continue;
            }

            var key = Key(indicator.Type, indicator.NormalizedValue);
            if (!exact.TryGetValue(key, out var list))
            {
                exact[key] = list = [];
            }

            list.Add(match);
        }

        return new IndicatorSnapshot(
            exact.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
            [.. networks],
            revision);
    }

    /// <summary>Adds the indicators of <paramref name="type"/> whose normalized value is exactly <paramref name="normalized"/>.</summary>
    public void MatchExact(IndicatorType type, string normalized, string how, List<VerdictMatch> into)
    {
        if (_exact.TryGetValue(Key(type, normalized), out var matches))
        {
            foreach (var match in matches)
            {
                into.Add(match with { How = how });
            }
        }
    }

    /// <summary>Adds the CIDR indicators that contain <paramref name="address"/>.</summary>
    public void MatchNetworks(IPAddress address, List<VerdictMatch> into)
    {
        foreach (var (network, match) in _networks)
        {
            if (network.Contains(address))
            {
                into.Add(match);
            }
        }
    }

    private static string Key(IndicatorType type, string normalized) => $"{type.ToWire()}\u001f{normalized}";
}
