namespace Rampart.Accounts.Sigma;

/// <summary>Matching of condition patterns such as <c>selection_*</c> against search identifiers.</summary>
internal static class SigmaPatterns
{
    /// <summary>True when <paramref name="name"/> matches <paramref name="pattern"/>, where <c>*</c> is any run of characters.</summary>
    public static bool IdentifierMatches(string pattern, string name) => Glob(pattern.AsSpan(), name.AsSpan());

    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
