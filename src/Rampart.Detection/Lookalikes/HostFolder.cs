using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Rampart.Core.Names;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// The lookalike prefilter's single pass over a name as written: it checks the name as
/// <see cref="DomainNames.TryToAscii(ReadOnlySpan{char}, Span{char}, out int, out DomainNameProblem)"/>
/// does on its ASCII path (and lowers it as that does), folds each label as <see cref="GlyphSkeleton.Fold(ReadOnlySpan{char}, Span{char}, Span{int})"/>
/// does into one skeleton without dots and hyphens, records each label's letter masks, and tests every
/// three consecutive skeleton letters against a bitset — one table read per character, no branch a
/// random name mispredicts but the dots, few enough live values that the loop keeps them all in
/// registers. A random host spent most of its screening time in the separate passes this replaces
/// (TryToAscii's five sweeps, a fold per label, a gram loop).
/// </summary>
internal static partial class HostFolder
{
    /// <summary>Labels a folded name may have; deeper names (rare) take the full check.</summary>
    public const int MaxLabels = 32;

    /// <summary>Codes of three skeleton characters, five bits each (<see cref="Gram"/>): a 4 KB bitset.</summary>
    public const int GramCount = 1 << (3 * GramBits);

    private const int GramBits = 5;
    private const int GramMask = GramCount - 1;

    /// <summary>The gram class no character has: a name's first two grams start with it, and no brand's does.</summary>
    private const int NoClass = (1 << GramBits) - 1;

    /// <summary>A pair class no first character has (<see cref="Entry.First"/> is 0 to 3).</summary>
    private const byte NoPair = 4;

    private const byte Ordinary = 0;
    private const byte Dot = 1;
    private const byte Hyphen = 2;
    private const byte Invalid = 3;

    /// <summary>The code of three skeleton characters: letters have a class each, digits share five, the rest one.</summary>
    public static int Gram(char a, char b, char c) => (GramClass(a) << (2 * GramBits)) | (GramClass(b) << GramBits) | GramClass(c);

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

        if (length == 0 || length > DomainNames.MaxNameLength || length > host.Length || length > joined.Length || grams.Length < GramCount / 64)
        {
            return false;
        }

        // Bounds are checked above once: the loop reads and writes through refs.
        ref var source = ref MemoryMarshal.GetReference(input);
        ref var skeleton = ref MemoryMarshal.GetReference(joined);
        ref var table = ref MemoryMarshal.GetArrayDataReference(Table);
        ref var bits = ref MemoryMarshal.GetArrayDataReference(grams);
        ulong mask = 0, maskBefore = 0, written = 0, allWritten = 0, hit = 0;
        int n = 0, count = 0, start = 0, signs = 0, pending = 0, gram = GramMask;
        for (var i = 0; i < length; i++)
        {
            var c = (uint)Unsafe.Add(ref source, i);
            if (c >= 128)
            {
                return false;
            }

            var e = Unsafe.Add(ref table, c);
            if (e.Second == pending)
            {
                // rn → m, vv → w, cl → d: the pair's letter replaces the first character's fold.
                var pair = PairLetters[pending];
                Unsafe.Add(ref skeleton, n - 1) = pair;
                mask = maskBefore | LetterMask.Bit(pair);
                written |= 1UL << e.WrittenIndex;
                signs |= (int)FoldSigns.StrongFold;
                gram = (gram & ~NoClass) | GramClass(pair);
                hit |= Unsafe.Add(ref bits, gram >> 6) >> gram;
                pending = 0;
                continue;
            }

            pending = e.First;
            if (e.Kind != Ordinary)
            {
                if (e.Kind == Hyphen)
                {
                    written |= 1UL << e.WrittenIndex;
                    signs |= (int)FoldSigns.Hyphen;
                    // TryToAscii leaves a name holding "xn--" anywhere to its label walk.
                    if (i >= 3 && input[i - 1] == '-' && (input[i - 2] | 0x20) == 'n' && (input[i - 3] | 0x20) == 'x')
                    {
                        return false;
                    }

                    continue;
                }

                if (e.Kind == Invalid || i - start is 0 or > DomainNames.MaxLabelLength || count == labels.Length)
                {
                    return false;
                }

                labels[count++] = new FoldedLabel(start, i, n, mask, written);
                allWritten |= written;
                mask = 0;
                written = 0;
                // The dot-split check folds two labels joined, so a pair across this dot (hotr.nail) needs it.
                if (i + 1 < length && input[i + 1] < 128 && Table[input[i - 1]].First is var first and not 0 && Table[input[i + 1]].Second == first)
                {
                    signs |= (int)FoldSigns.FoldAcrossDot;
                }

                start = i + 1;
                continue;
            }

            Unsafe.Add(ref skeleton, n++) = e.Fold;
            maskBefore = mask;
            mask |= 1UL << e.FoldIndex;
            written |= 1UL << e.WrittenIndex;
            gram = ((gram << GramBits) | e.GramClass) & GramMask;
            hit |= Unsafe.Add(ref bits, gram >> 6) >> gram;
        }

        if (length - start is 0 or > DomainNames.MaxLabelLength || count == labels.Length)
        {
            return false;
        }

        labels[count++] = new FoldedLabel(start, length, n, mask, written);
        allWritten |= written;
        // 0 and 1 are glyph tricks alone (0 → o, 1 → l).
        if ((allWritten & (LetterMask.Bit('0') | LetterMask.Bit('1'))) != 0)
        {
            signs |= (int)FoldSigns.StrongFold;
        }

        // Lower case last, in one vectorized sweep (the input holds only ASCII host characters now).
        if (Unsafe.AreSame(ref source, ref MemoryMarshal.GetReference(host)))
        {
            Ascii.ToLowerInPlace(host[..length], out _);
        }
        else
        {
            Ascii.ToLower(input[..length], host, out _);
        }

        folded = new FoldedHost(length, n, count, (FoldSigns)signs, (hit & 1) != 0);
        return true;
    }

    private static int GramClass(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => 26 + ((c - '0') % 5),
        _ => 30,
    };

    /// <summary>Per pair class (<see cref="Entry.First"/>), the letter the pair folds into. Built from <see cref="GlyphSkeleton.Pair"/>.</summary>
    private static readonly char[] PairLetters = new char[NoPair];

    /// <summary>Per ASCII character: its fold and the fold's gram class, the mask bits of both, its pair classes, its kind.</summary>
    private static readonly Entry[] Table = BuildTable();

    private static Entry[] BuildTable()
    {
        // A pair class per pair (rn, vv, cl): its first letter starts only it, its second ends only it,
        // so "the previous character's class equals this one's second class" is the whole test.
        var pairs = Enumerable.Range(0, 128).SelectMany(a => Enumerable.Range(0, 128).Select(b => (A: (char)a, B: (char)b)))
            .Where(p => GlyphSkeleton.Pair(p.A, p.B) != '\0').ToArray();
        if (pairs.Length >= NoPair || pairs.DistinctBy(p => p.A).Count() != pairs.Length || pairs.DistinctBy(p => p.B).Count() != pairs.Length)
        {
            throw new InvalidOperationException("HostFolder holds up to three pairs, each first and second letter in one pair only.");
        }

        var first = new byte[128];
        var second = new byte[128];
        Array.Fill(second, NoPair);
        for (var k = 0; k < pairs.Length; k++)
        {
            first[pairs[k].A] = (byte)(k + 1);
            second[pairs[k].B] = (byte)(k + 1);
            PairLetters[k + 1] = GlyphSkeleton.Pair(pairs[k].A, pairs[k].B);
        }

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
            entries[c] = new Entry(fold, (byte)LetterMask.IndexOf(fold), (byte)LetterMask.IndexOf(lower), first[lower], second[lower], kind, (byte)GramClass(fold));
        }

        return entries;
    }

    /// <summary>Eight bytes per character.</summary>
    private readonly record struct Entry(char Fold, byte FoldIndex, byte WrittenIndex, byte First, byte Second, byte Kind, byte GramClass);
}
