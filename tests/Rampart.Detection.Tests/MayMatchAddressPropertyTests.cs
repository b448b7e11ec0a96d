using System.Net;
using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using static Rampart.Detection.Tests.Fixtures;

namespace Rampart.Detection.Tests;

/// <summary>
/// <see cref="IndexVerdictEngine.MayMatchAddress"/> against the full verdict of the address's text, on random
/// addresses and networks (IPv4, IPv6 and IPv4-mapped IPv6) split between a snapshot and a delta that revokes some.
/// </summary>
public sealed class MayMatchAddressPropertyTests
{
    // Few distinct values, so queries fall inside indicators often.
    private static readonly Gen<IPAddress> V4 = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3]).Select((c, d) => IPAddress.Parse($"10.0.{c}.{d}"));
    private static readonly Gen<IPAddress> V6 = Gen.Int[0, 5].Select(x => IPAddress.Parse($"2001:db8::{x:x}"));
    private static readonly Gen<IPAddress> Mapped = V4.Select(a => a.MapToIPv6());
    private static readonly Gen<IPAddress> Address = Gen.OneOf(V4, V6, Mapped);

    private static readonly Gen<string> Network = Address.SelectMany(a => Gen.Int[a.GetAddressBytes().Length == 4 ? 16 : 96, a.GetAddressBytes().Length * 8]
        .Select(prefix => new IPNetwork(Masked(a, prefix), prefix).ToString()));

    private static readonly Gen<string> IndicatorValue = Gen.OneOf(Address.Select(a => a.ToString()), Network);

    [Fact]
    public void An_address_the_full_verdict_matches_is_always_let_through_and_one_no_indicator_contains_never_is()
    {
        Gen.Select(IndicatorValue.Array[0, 8], IndicatorValue.Array[0, 4], Gen.Int[0, 3], Address.Array[1, 24]).Sample((old, added, revokedCount, queries) =>
        {
            var snapshot = old.Distinct().Select(v => Indicator(v)).ToArray();
            var delta = added.Distinct().Select(v => Indicator(v, revision: 2)).ToArray();
            var revoked = snapshot[..Math.Min(revokedCount, snapshot.Length)];
            Indicator[] live = [.. snapshot[revoked.Length..], .. delta];
            var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords(live, ActorName, TimeProvider.System));
            engine.Replace(new IndicatorView(Index(snapshot, revision: 1), Index(delta, revision: 2, holdRecords: true),
                revoked.Select(i => i.Id).ToHashSet(StringComparer.Ordinal), 2));

            foreach (var query in queries)
            {
                var verdict = engine.CheckAsync(query.ToString(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
                var may = engine.MayMatchAddress(query.GetAddressBytes());
                var contained = snapshot.Concat(delta).Any(i => Contains(i, query));
                if ((verdict.Matches.Count > 0 && !may) || may != contained)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void An_empty_engine_lets_nothing_through()
    {
        var engine = Engine();

        Assert.False(engine.MayMatchAddress(IPAddress.Parse("203.0.113.5").GetAddressBytes()));
        Assert.False(engine.MayMatchAddress(IPAddress.Parse("2001:db8::66").GetAddressBytes()));
    }

    [Fact]
    public void An_ipv4_mapped_address_meets_only_ipv6_indicators_as_the_full_verdict_does()
    {
        var engine = Engine(Indicator("203.0.113.5"), Indicator("::ffff:198.51.100.0/120"));

        Assert.True(engine.MayMatchAddress(IPAddress.Parse("203.0.113.5").GetAddressBytes()));
        Assert.False(engine.MayMatchAddress(IPAddress.Parse("::ffff:203.0.113.5").GetAddressBytes()));
        Assert.True(engine.MayMatchAddress(IPAddress.Parse("::ffff:198.51.100.7").GetAddressBytes()));
        Assert.False(engine.MayMatchAddress(IPAddress.Parse("198.51.100.7").GetAddressBytes()));
    }

    [Fact]
    public void Bytes_that_are_no_address_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Engine().MayMatchAddress(new byte[5]));
    }

    /// <summary>Containment bit by bit, of the same family only (the reference, independent of the index's keys).</summary>
    private static bool Contains(Indicator indicator, IPAddress address)
    {
        var slash = indicator.NormalizedValue.IndexOf('/', StringComparison.Ordinal);
        var network = IPAddress.Parse(slash < 0 ? indicator.NormalizedValue : indicator.NormalizedValue[..slash]).GetAddressBytes();
        var bytes = address.GetAddressBytes();
        var prefix = slash < 0 ? bytes.Length * 8 : int.Parse(indicator.NormalizedValue.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture);
        return network.Length == bytes.Length && Masked(address, prefix).GetAddressBytes().AsSpan().SequenceEqual(network);
    }

    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] &= (byte)(0xFF << (8 - Math.Clamp(prefix - (i * 8), 0, 8)));
        }

        return new IPAddress(bytes);
    }
}
