namespace Rampart.Accounts.Sigma;

/// <summary>A compiled test of one field value's text. Implementations allocate nothing in <see cref="Matches"/>.</summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(ReadOnlySpan<char> text);
}
