namespace Rampart.Accounts.Sigma;

/// <summary>The whole value equals the needle.</summary>
internal sealed class ExactMatcher(string needle, StringComparison comparison) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) => text.Equals(needle, comparison);
}
