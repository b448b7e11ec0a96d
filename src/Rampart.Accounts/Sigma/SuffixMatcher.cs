namespace Rampart.Accounts.Sigma;

internal sealed class SuffixMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.EndsWith(needle, comparison);
}
