using System.Runtime.CompilerServices;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;

namespace Rampart.Intel.Exports;

/// <summary>
/// The one check every way out passes through: may intel with this TLP marking leave under this
/// ceiling? TLP:RED never does, whatever the ceiling. Every refusal is counted per level, so each
/// export can say what it held back.
/// </summary>
public sealed class MarkingGate(Tlp maximum)
{
    private readonly int[] _refused = new int[Enum.GetValues<Tlp>().Length];

    public Tlp Maximum => maximum;

    public bool Allows(Tlp? marking)
    {
        if (TlpLevels.MayLeave(marking, maximum))
        {
            return true;
        }

        _refused[(int)marking!.Value]++;
        return false;
    }

    /// <summary>The indicators that may leave, in order; the rest are counted as they go by.</summary>
    public async IAsyncEnumerable<Indicator> PassAsync(IAsyncEnumerable<Indicator> indicators, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        await foreach (var indicator in indicators.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Allows(indicator.Tlp))
            {
                yield return indicator;
            }
        }
    }

    public int RefusedTotal => _refused.Sum();

    /// <summary>Refusals per level, only the levels that had any, e.g. <c>red: 2, amber: 5</c>.</summary>
    public IReadOnlyDictionary<string, int> Refused =>
        Enum.GetValues<Tlp>().Where(t => _refused[(int)t] > 0).ToDictionary(t => t.ToWire(), t => _refused[(int)t], StringComparer.Ordinal);

    public override string ToString() =>
        RefusedTotal == 0 ? "nothing held back by TLP" : $"held back by TLP (ceiling {maximum.ToWire()}): {string.Join(", ", Refused.Select(r => $"{r.Key} {r.Value}"))}";
}
