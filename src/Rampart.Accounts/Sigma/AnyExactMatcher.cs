using System.Collections.Frozen;

namespace Rampart.Accounts.Sigma;

/// <summary>The value equals one of many needles: one hash lookup instead of a comparison per needle.</summary>
internal sealed class AnyExactMatcher : ValueMatcher
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public AnyExactMatcher(IEnumerable<string> needles, bool cased) =>
        _lookup = needles.ToFrozenSet(cased ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public override bool Matches(ReadOnlySpan<char> text) => _lookup.Contains(text);
}
