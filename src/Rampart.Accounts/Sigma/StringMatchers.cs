using System.Buffers;
using System.Collections.Frozen;

namespace Rampart.Accounts.Sigma;

/// <summary>The whole value equals the needle.</summary>
internal sealed class ExactMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.Equals(needle, comparison);
}

/// <summary>The value equals one of many needles: one hash lookup instead of a comparison per needle.</summary>
internal sealed class AnyExactMatcher : ValueMatcher
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public AnyExactMatcher(IEnumerable<string> needles, bool cased) =>
        _lookup = needles.ToFrozenSet(cased ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public override bool Matches(ReadOnlySpan<char> text) => _lookup.Contains(text);
}

internal sealed class PrefixMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.StartsWith(needle, comparison);
}

internal sealed class SuffixMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.EndsWith(needle, comparison);
}

internal sealed class ContainsMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.Contains(needle, comparison);
}

/// <summary>The value contains one of many needles: a single vectorized multi-string search.</summary>
internal sealed class AnyContainsMatcher(IEnumerable<string> needles, bool cased) : ValueMatcher
{
    private readonly SearchValues<string> _needles = SearchValues.Create([.. needles], cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public override bool Matches(ReadOnlySpan<char> text) => text.IndexOfAny(_needles) >= 0;
}

/// <summary>Any of several matchers (the variants one rule value expands to).</summary>
internal sealed class AnyMatcher(ValueMatcher[] matchers) : ValueMatcher
{
    public ValueMatcher[] Matchers { get; } = matchers;

    public override bool Matches(ReadOnlySpan<char> text)
    {
        foreach (var matcher in Matchers)
        {
            if (matcher.Matches(text))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The value is never matched (e.g. a placeholder that expands to no value).</summary>
internal sealed class NeverMatcher : ValueMatcher
{
    public static readonly NeverMatcher Instance = new();

    public override bool Matches(ReadOnlySpan<char> text) => false;
}
