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
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            map[j] = i;
            switch (c)
            {
                case 'r' when next == 'n':
                    skeleton[j++] = 'm';
                    i += 2;
                    continue;
                case 'v' when next == 'v':
                    skeleton[j++] = 'w';
                    i += 2;
                    continue;
                case 'c' when next == 'l':
                    skeleton[j++] = 'd';
                    i += 2;
                    continue;
                case '0':
                    skeleton[j++] = 'o';
                    break;
                case '1' or 'i' or '|':
                    skeleton[j++] = 'l';
                    break;
                default:
                    skeleton[j++] = c;
                    break;
            }

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
}
