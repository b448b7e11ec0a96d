namespace Rampart.Accounts.Sigma;

/// <summary>The value is never matched (e.g. a placeholder that expands to no value).</summary>
internal sealed class NeverMatcher : ValueMatcher
{
    public static readonly NeverMatcher Instance = new();

    public override bool Matches(ReadOnlySpan<char> text) => false;
}
