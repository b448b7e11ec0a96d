namespace Rampart.Accounts.Sigma;

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
