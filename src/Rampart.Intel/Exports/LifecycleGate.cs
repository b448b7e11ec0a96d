using System.Runtime.CompilerServices;
using Rampart.Core.Indicators;
using Rampart.Intel.Lifecycle;

namespace Rampart.Intel.Exports;

/// <summary>
/// The lifecycle check of every way out that feeds a blocker (lists, blocking formats, the MISP feed,
/// RPZ): only indicators <see cref="IndicatorLifecycle"/> calls live at <see cref="Now"/> go out, so a
/// resolver or an IDS is never told to block what the matching index itself no longer enforces.
/// Expired, decayed and not-yet-valid ones stay in the store (and in STIX and TAXII, which carry
/// valid_until for the reader to judge); here they are counted per status, and
/// <see cref="NextChange"/> says when an export made now stops being current without any store change.
/// </summary>
public sealed class LifecycleGate(IndicatorLifecycle lifecycle, DateTimeOffset now)
{
    /// <summary>
    /// <see cref="NextChange"/> is never sooner than this after <see cref="Now"/>: in a large store
    /// indicators decay at moments minutes apart, and an export redone at each one would read the store
    /// without pause. A blocker may so keep an indicator up to a minute after it decays or expires.
    /// </summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromMinutes(1);

    private readonly int[] _leftOut = new int[Enum.GetValues<IndicatorStatus>().Length];

    public DateTimeOffset Now => now;

    /// <summary>
    /// The earliest moment an indicator seen so far changes standing by time alone: a live one decays
    /// or expires, a not-yet-valid one starts (at least <see cref="Granularity"/> after <see cref="Now"/>).
    /// Null when none will. A cached export is stale after it.
    /// </summary>
    public DateTimeOffset? NextChange { get; private set; }

    public bool Allows(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var standing = lifecycle.Assess(indicator, now);
        if (standing.IsLive)
        {
            Sooner(standing.DecaysAt);
            Sooner(indicator.ValidUntil);
            return true;
        }

        _leftOut[(int)standing.Status]++;
        if (standing.Status == IndicatorStatus.NotYetValid)
        {
            Sooner(indicator.ValidFrom);
        }

        return false;
    }

    /// <summary>The live indicators, in order; the rest are counted as they go by.</summary>
    public async IAsyncEnumerable<Indicator> PassAsync(IAsyncEnumerable<Indicator> indicators, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        await foreach (var indicator in indicators.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Allows(indicator))
            {
                yield return indicator;
            }
        }
    }

    public int LeftOutTotal => _leftOut.Sum();

    /// <summary>What was left out per status wire name, only the statuses that had any, e.g. <c>decayed: 3, expired: 1</c>.</summary>
    public IReadOnlyDictionary<string, int> LeftOut =>
        Enum.GetValues<IndicatorStatus>().Where(s => _leftOut[(int)s] > 0)
            .ToDictionary(s => s.ToWire(), s => _leftOut[(int)s], StringComparer.Ordinal);

    public override string ToString() =>
        LeftOutTotal == 0 ? "nothing left out as not live" : $"left out as not live: {string.Join(", ", LeftOut.Select(r => $"{r.Key} {r.Value}"))}";

    private void Sooner(DateTimeOffset? at)
    {
        if (at is not { } moment)
        {
            return;
        }

        var earliest = now + Granularity;
        moment = moment < earliest ? earliest : moment;
        if (NextChange is null || moment < NextChange)
        {
            NextChange = moment;
        }
    }
}
