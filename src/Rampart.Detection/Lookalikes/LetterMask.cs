namespace Rampart.Detection.Lookalikes;

/// <summary>A 64-bit set of the characters in a label (a–z, 0–9, hyphen, other): a prefilter for edit distance.</summary>
internal static class LetterMask
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (var c in text)
        {
            mask |= 1UL << Index(c);
        }

        return mask;
    }

    private static int Index(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => 26 + (c - '0'),
        '-' => 36,
        _ => 37,
    };
}
