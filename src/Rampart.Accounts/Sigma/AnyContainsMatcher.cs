using System.Buffers;

namespace Rampart.Accounts.Sigma;

/// <summary>The value contains one of many needles: a single vectorized multi-string search.</summary>
internal sealed class AnyContainsMatcher(IEnumerable<string> needles, bool cased) : ValueMatcher
{
    private readonly SearchValues<string> _needles = SearchValues.Create([.. needles], cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    public override bool Matches(ReadOnlySpan<char> text) => text.IndexOfAny(_needles) >= 0;
}
