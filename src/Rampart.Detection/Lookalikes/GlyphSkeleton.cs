using System.Runtime.CompilerServices;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// Folds lower-case ASCII into a skeleton in which the ASCII glyph tricks disappear: <c>rn</c>→m,
/// <c>vv</c>→w, <c>cl</c>→d, <c>0</c>→o, and <c>1</c>, <c>i</c>, <c>l</c>, <c>|</c> all → l.
/// Brands and candidates are folded the same way, so <c>hotrnall</c> and <c>hotmail</c> meet at
/// <c>hotmall</c>. <c>map[j]</c> is where skeleton character j starts in the source, and
/// <c>map[length]</c> is the source length, so each skeleton character knows the characters it came from.
/// </summary>
public static class GlyphSkeleton
{
    public static int Fold(ReadOnlySpan<char> source, Span<char> skeleton, Span<int> map)
    {
        var j = 0;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            map[j] = i;
            if (i + 1 < source.Length && Pair(c, source[i + 1]) is var pair and not '\0')
            {
                skeleton[j++] = pair;
                i += 2;
                continue;
            }

            skeleton[j++] = Single(c);
            i++;
        }

        map[j] = source.Length;
        return j;
    }

    /// <summary>Folds a whole string (brands, tests); hot paths use the span form.</summary>
    public static (string Skeleton, int[] Map) Fold(string source)
    {
        var skeleton = new char[source.Length];
        var map = new int[source.Length + 1];
        var length = Fold(source, skeleton, map);
        return (new string(skeleton, 0, length), map[..(length + 1)]);
    }

    /// <summary>
    /// A looser skeleton: after the single folds, the two-letter glyphs dnstwist and phishers use
    /// (rn, nn, rr → m; vv → w; cl, dl → d; lc, lk → k; lh → h; lb → b), then letters that pass for
    /// each other (b/d, c/e, g/q, m/n/r). Only whole registrable labels equal to a brand's are judged
    /// on it: too loose for parts of names, where it would join ordinary words.
    /// </summary>
    public static string Loose(ReadOnlySpan<char> ascii)
    {
        Span<char> loose = stackalloc char[ascii.Length];
        return new string(loose[..Loose(ascii, loose)]);
    }

    /// <summary>The span form of <see cref="Loose(ReadOnlySpan{char})"/>: writes at most <c>ascii.Length</c> characters.</summary>
    public static int Loose(ReadOnlySpan<char> ascii, Span<char> loose)
    {
        // Pairs fold until none is left, so a glyph of a glyph folds too (ilkakao: i+lk, then l+k → k).
        var n = 0;
        for (var i = 0; i < ascii.Length; i++)
        {
            var c = Single(ascii[i]);
            while (n > 0 && LoosePair(loose[n - 1], c) is var pair and not '\0')
            {
                c = pair;
                n--;
            }

            loose[n++] = c;
        }

        for (var j = 0; j < n; j++)
        {
            loose[j] = loose[j] switch
            {
                'd' => 'b',
                'e' => 'c',
                'q' => 'g',
                'n' or 'r' => 'm',
                var c => c,
            };
        }

        return n;
    }

    private static char LoosePair(char c, char next) => (c, next) switch
    {
        ('r', 'n') or ('n', 'n') or ('r', 'r') => 'm',
        ('v', 'v') => 'w',
        ('c', 'l') or ('d', 'l') => 'd',
        ('l', 'c') or ('l', 'k') => 'k',
        ('l', 'h') => 'h',
        ('l', 'b') => 'b',
        _ => '\0',
    };

    /// <summary>The letter two characters fold into (rn → m, vv → w, cl → d), or <c>'\0'</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char Pair(char c, char next) => c switch
    {
        'r' => next == 'n' ? 'm' : '\0',
        'v' => next == 'v' ? 'w' : '\0',
        'c' => next == 'l' ? 'd' : '\0',
        _ => '\0',
    };

    /// <summary>One character's fold: 0 → o; 1, i, | → l; anything else stays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char Single(char c) => c < 128 ? (char)Singles[c] : c;

    private static ReadOnlySpan<byte> Singles =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
        111, 108, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
        64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79,
        80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
        96, 97, 98, 99, 100, 101, 102, 103, 104, 108, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 108, 125, 126, 127,
    ];
}
