using System.Numerics;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// Whether one edit between a candidate and a brand is one a person makes or falls for: a slip
/// (a neighbouring key on a QWERTY, QWERTZ or AZERTY keyboard, a repeated, dropped or swapped
/// letter, a letter added at the end), a flipped bit, a vowel for a vowel, or an ASCII look-alike
/// (b/d, c/e, g/q, m/n, n/r, 3/8, 6/9). On a short name one arbitrary edit makes another word or
/// another company (<c>hicloud</c>, <c>dcloud</c> beside icloud; <c>love</c> and <c>lime</c> beside
/// live), so the screen asks this of short and generic brand names.
/// </summary>
internal static class Slips
{
    private static readonly string[][] Keyboards =
    [
        ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"],
        ["1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"],
        ["1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"],
    ];

    private static readonly ulong[] Neighbours = BuildNeighbours();

    /// <summary>
    /// True when <paramref name="candidate"/> is one edit from <paramref name="brand"/> and that edit
    /// is plausible; with <paramref name="firstLetterOnly"/> only an edit at the first letter is judged
    /// (elsewhere any edit keeps the brand's shape). Names further apart than one edit are not judged here.
    /// </summary>
    public static bool IsPlausible(ReadOnlySpan<char> candidate, ReadOnlySpan<char> brand, bool firstLetterOnly)
    {
        var i = candidate.CommonPrefixLength(brand);
        if (firstLetterOnly && i > 0)
        {
            return true;
        }

        if (candidate.Length == brand.Length)
        {
            if (i >= candidate.Length)
            {
                return true;
            }

            if (i + 1 < candidate.Length && candidate[i] == brand[i + 1] && candidate[i + 1] == brand[i]
                && candidate[(i + 2)..].SequenceEqual(brand[(i + 2)..]))
            {
                return true;
            }

            return !candidate[(i + 1)..].SequenceEqual(brand[(i + 1)..]) || Replaces(candidate[i], brand[i]);
        }

        if (candidate.Length == brand.Length + 1)
        {
            // Added at i: at the end (dnstwist's addition), a repeat, or a key beside a neighbour
            // inside the name; a letter put before the first one is no slip (hicloud, olive).
            if (!candidate[(i + 1)..].SequenceEqual(brand[i..]))
            {
                return true;
            }

            var added = candidate[i];
            return i == brand.Length || brand[i] == added
                || (i > 0 && (brand[i - 1] == added || Adjacent(brand[i - 1], added) || Adjacent(brand[i], added)));
        }

        // A dropped letter is always a slip; anything else is not one edit.
        return true;
    }

    private static bool Replaces(char shown, char original) =>
        Adjacent(shown, original)
        || (shown < 128 && original < 128 && BitOperations.PopCount((uint)(shown ^ original)) == 1)
        || (IsVowel(shown) && IsVowel(original))
        || LookAlike(shown, original) || LookAlike(original, shown);

    private static bool LookAlike(char a, char b) => (a, b) switch
    {
        ('b', 'd') or ('c', 'e') or ('g', 'q') or ('m', 'n') or ('n', 'r') or ('3', '8') or ('6', '9') => true,
        ('0', 'o') or ('1', 'l') or ('1', 'i') or ('i', 'l') => true,
        _ => false,
    };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool Adjacent(char a, char b) => a < 128 && b < 128 && (Neighbours[a] & LetterMask.Bit(b)) != 0;

    /// <summary>Staggered rows: a key touches its row neighbours, the two keys above (same and next column) and the two below (previous and same).</summary>
    private static ulong[] BuildNeighbours()
    {
        var neighbours = new ulong[128];
        foreach (var rows in Keyboards)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var key = rows[r][c];
                    foreach (var (dr, dc) in new[] { (0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0) })
                    {
                        var (nr, nc) = (r + dr, c + dc);
                        if (nr >= 0 && nr < rows.Length && nc >= 0 && nc < rows[nr].Length)
                        {
                            neighbours[key] |= LetterMask.Bit(rows[nr][nc]);
                        }
                    }
                }
            }
        }

        return neighbours;
    }
}
