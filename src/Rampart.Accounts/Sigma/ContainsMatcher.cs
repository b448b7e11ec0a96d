namespace Rampart.Accounts.Sigma;

internal sealed class ContainsMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.Contains(needle, comparison);
}
