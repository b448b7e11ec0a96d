namespace Rampart.Accounts.Sigma;

internal sealed class PrefixMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.StartsWith(needle, comparison);
}
