using System.Text.RegularExpressions;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// The <c>re</c> modifier. Rules compile with .NET's non-backtracking engine (linear time, no
/// catastrophic patterns); a pattern it cannot run (lookarounds, backreferences) falls back to the
/// backtracking engine with <see cref="SigmaCompileOptions.RegexTimeout"/>, and a timeout counts as no match.
/// </summary>
internal sealed class RegexMatcher(Regex regex) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static Regex Compile(string pattern, RegexOptions flags, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, flags | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, flags | RegexOptions.Compiled | RegexOptions.CultureInvariant, timeout);
        }
    }
}
