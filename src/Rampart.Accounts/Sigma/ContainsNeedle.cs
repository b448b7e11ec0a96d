namespace Rampart.Accounts.Sigma;

/// <summary>A contains needle, kept distinct so a list of them can become one multi-string search.</summary>
internal sealed class ContainsNeedle(string needle, StringComparison comparison) : ValueMatcher
{
    public string Needle { get; } = needle;

    public StringComparison Comparison { get; } = comparison;

    public override bool Matches(ReadOnlySpan<char> text) => text.Contains(Needle, Comparison);
}
