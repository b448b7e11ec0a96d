namespace Rampart.Accounts.Sigma;

/// <summary>An exact needle, kept distinct so a list of them can become one hash lookup.</summary>
internal sealed class ExactNeedle(string needle, StringComparison comparison) : ValueMatcher
{
    public string Needle { get; } = needle;

    public StringComparison Comparison { get; } = comparison;

    public override bool Matches(ReadOnlySpan<char> text) => text.Equals(Needle, Comparison);
}
