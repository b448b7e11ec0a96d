using Rampart.Core.Names;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// The lookalike prefilter's single pass over a name as written: it checks and lowers the name as
/// <see cref="DomainNames.TryToAscii(ReadOnlySpan{char}, Span{char}, out int, out DomainNameProblem)"/>
/// does on its ASCII path, folds each label as <see cref="GlyphSkeleton.Fold(ReadOnlySpan{char}, Span{char}, Span{int})"/>
/// does into one skeleton without dots and hyphens, records each label's letter masks, and tests every
/// three consecutive skeleton letters against a bitset — one table read per character, no branch a
/// random name mispredicts but the dots. A random host spent most of its screening time in the
/// separate passes this replaces (TryToAscii's five sweeps, a fold per label, a gram loop).
/// </summary>
internal static class HostFolder
{
    /// <summary>Labels a folded name may have; deeper names (rare) take the full check.</summary>
    public const int MaxLabels = 32;

    /// <summary>Codes of three skeleton characters, <see cref="Gram"/>: 38³ = 54,872.</summary>
    public const int GramCount = LetterMask.Size * LetterMask.Size * LetterMask.Size;

    private const byte Ordinary = 0;
    private const byte Dot = 1;
    private const byte Hyphen = 2;
    private const byte Invalid = 3;

    /// <summary>The code of three skeleton characters given by their <see cref="LetterMask.IndexOf"/>.</summary>
    public static int Gram(int a, int b, int c) => (((a * LetterMask.Size) + b) * LetterMask.Size) + c;

    /// <summary>
    /// Lowers and folds <paramref name="input"/> into <paramref name="host"/> and <paramref name="joined"/>
    /// (both <see cref="DomainNames.MaxNameLength"/> long; <paramref name="host"/> may be <paramref name="input"/>'s
    /// own memory). False when the name is not plain ASCII host characters in labels of 1 to 63, at most
    /// <see cref="MaxLabels"/> of them and 253 characters, or holds <c>xn--</c>: the caller then takes the
    /// general path, which reports what is wrong or decodes the Unicode.
    /// </summary>
    public static bool TryFold(ReadOnlySpan<char> input, Span<char> host, Span<char> joined, Span<FoldedLabel> labels, ulong[] grams, out FoldedHost folded)
    {
        folded = default;
        var length = input.Length;
        // As TryToAscii: one trailing dot is dropped.
        if (length > 1 && input[length - 1] == '.')
        {
            length--;
        }

        if (length == 0 || length > DomainNames.MaxNameLength || length > host.Length || length > joined.Length)
        {
            return false;
        }

        var table = Table;
        var pairs = Pairs;
        ulong mask = 0, maskBefore = 0, written = 0, hit = 0;
        int n = 0, count = 0, start = 0, signs = 0, pending = 0;
        // The last two skeleton characters (as one code, and the last alone), and both before the last
        // character: a pair's second character replaces the first's fold. 'Other' starts no brand gram.
        int pairCode = (LetterMask.Other * LetterMask.Size) + LetterMask.Other, last = LetterMask.Other;
        int pairCodeBefore = pairCode, lastBefore = last;
        for (var i = 0; i < length; i++)
        {
            var c = input[i];
            if (c >= 128)
            {
                return false;
            }

            var e = table[c];
            var pair = pairs[(pending << 2) | e.Second];
            pending = e.First;
            if (pair != 0)
            {
                // rn → m, vv → w, cl → d: the first character's fold gives way to the pair's.
                host[i] = e.Lower;
                var index = LetterMask.IndexOf(pair);
                joined[n - 1] = pair;
                mask = maskBefore | (1UL << index);
                written |= 1UL << e.WrittenIndex;
                signs |= (int)FoldSigns.StrongFold;
                var pairGram = (pairCodeBefore * LetterMask.Size) + index;
                hit |= grams[pairGram >> 6] >> pairGram;
                pairCode = (lastBefore * LetterMask.Size) + index;
                last = index;
                pending = 0;
                continue;
            }

            if (e.Kind != Ordinary)
            {
                if (e.Kind == Hyphen)
                {
                    host[i] = '-';
                    written |= 1UL << e.WrittenIndex;
                    signs |= (int)FoldSigns.Hyphen;
                    // TryToAscii leaves a name holding "xn--" anywhere to its label walk.
                    if (i >= 3 && host[i - 1] == '-' && host[i - 2] == 'n' && host[i - 3] == 'x')
                    {
                        return false;
                    }

                    continue;
                }

                if (e.Kind == Invalid || i - start is 0 or > DomainNames.MaxLabelLength || count == labels.Length)
                {
                    return false;
                }

                host[i] = '.';
                labels[count++] = new FoldedLabel(start, i, n, mask, written);
                mask = 0;
                written = 0;
                // The dot-split check folds two labels joined, so a pair across this dot (hotr.nail) needs it.
                if (i + 1 < length && input[i + 1] < 128 && pairs[(table[input[i - 1]].First << 2) | table[input[i + 1]].Second] != 0)
                {
                    signs |= (int)FoldSigns.FoldAcrossDot;
                }

                start = i + 1;
                continue;
            }

            host[i] = e.Lower;
            joined[n++] = e.Fold;
            maskBefore = mask;
            mask |= 1UL << e.FoldIndex;
            written |= 1UL << e.WrittenIndex;
            signs |= e.Signs;
            var gram = (pairCode * LetterMask.Size) + e.FoldIndex;
            hit |= grams[gram >> 6] >> gram;
            pairCodeBefore = pairCode;
            lastBefore = last;
            pairCode = (last * LetterMask.Size) + e.FoldIndex;
            last = e.FoldIndex;
        }

        if (length - start is 0 or > DomainNames.MaxLabelLength || count == labels.Length)
        {
            return false;
        }

        labels[count++] = new FoldedLabel(start, length, n, mask, written);
        folded = new FoldedHost(length, n, count, (FoldSigns)signs, (hit & 1) != 0);
        return true;
    }

    /// <summary>Per ASCII character: its pair class as the first and as the second character of a pair (0: none).</summary>
    private static readonly (byte[] First, byte[] Second) PairClasses = BuildPairClasses();

    /// <summary>By (first character's pair class, second's): the pair's letter, or <c>'\0'</c>. Built from <see cref="GlyphSkeleton.Pair"/>.</summary>
    private static readonly char[] Pairs = BuildPairs();

    /// <summary>Per ASCII character: its lower case, its single fold, their mask bits, its pair classes, its kind.</summary>
    private static readonly Entry[] Table = BuildTable();

    private static (char A, char B)[] AllPairs() =>
        Enumerable.Range(0, 128).SelectMany(a => Enumerable.Range(0, 128).Select(b => (A: (char)a, B: (char)b)))
            .Where(p => GlyphSkeleton.Pair(p.A, p.B) != '\0').ToArray();

    private static (byte[] First, byte[] Second) BuildPairClasses()
    {
        var pairs = AllPairs();
        byte[] Classes(IEnumerable<char> letters)
        {
            var classes = new byte[128];
            var next = 1;
            foreach (var c in letters.Distinct())
            {
                classes[c] = (byte)next++;
            }

            // Two bits per class: three pair letters of each kind fit.
            return next <= 4 ? classes : throw new InvalidOperationException("GlyphSkeleton.Pair has more pair letters than HostFolder's table holds.");
        }

        return (Classes(pairs.Select(p => p.A)), Classes(pairs.Select(p => p.B)));
    }

    private static char[] BuildPairs()
    {
        var table = new char[16];
        foreach (var (a, b) in AllPairs())
        {
            table[(PairClasses.First[a] << 2) | PairClasses.Second[b]] = GlyphSkeleton.Pair(a, b);
        }

        return table;
    }

    private static Entry[] BuildTable()
    {
        var entries = new Entry[128];
        for (var c = (char)0; c < 128; c++)
        {
            var lower = char.ToLowerInvariant(c);
            var kind = c switch
            {
                '.' => Dot,
                '-' => Hyphen,
                _ when char.IsAsciiLetterOrDigit(c) || c == '_' => Ordinary,
                _ => Invalid,
            };
            var fold = GlyphSkeleton.Single(lower);
            entries[c] = new Entry(lower, fold, (byte)LetterMask.IndexOf(fold), (byte)LetterMask.IndexOf(lower),
                PairClasses.First[lower], PairClasses.Second[lower], kind,
                (byte)(lower is '0' or '1' ? FoldSigns.StrongFold : FoldSigns.None));
        }

        return entries;
    }

    private readonly record struct Entry(char Lower, char Fold, byte FoldIndex, byte WrittenIndex, byte First, byte Second, byte Kind, byte Signs);
}
