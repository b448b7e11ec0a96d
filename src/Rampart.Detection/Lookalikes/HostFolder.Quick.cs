using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Rampart.Core.Names;

namespace Rampart.Detection.Lookalikes;

internal static partial class HostFolder
{
    /// <summary>Longest name the quick fold takes: two vectors of 32 characters, one bit per character in a <c>ulong</c>.</summary>
    public const int QuickMaxLength = 64;

    /// <summary>Zero bytes before the name in the quick fold's buffer, so the gram of the first letters reads no-class neighbours.</summary>
    private const int Front = 4;

    /// <summary>
    /// The common case of <see cref="TryFold"/>, 32 characters at a time in vector registers: a name of
    /// at most <see cref="QuickMaxLength"/> ASCII letters, digits, underscores and dots, with labels of
    /// two characters or more, no hyphen and no glyph pair (rn, vv, cl, also across a dot: hotr.nail).
    /// Such a name's skeleton is its single folds (0 → o; 1, i → l) without the dots, so the fold writes
    /// the lowered name into <paramref name="host"/> and each character's fold at the same place in
    /// <paramref name="skeleton"/> (a label's skeleton, as <see cref="TryFold"/> joins it, is then
    /// <c>skeleton[start..end]</c>), and tests the same grams as <see cref="TryFold"/>: three consecutive
    /// skeleton letters, dots skipped. <paramref name="dots"/> has bit i set for a dot at i, and
    /// <paramref name="setPositions"/> the positions of each of <paramref name="sets"/>. Anything
    /// else is <see cref="QuickFold.NotQuick"/>, and nothing is written then (<paramref name="input"/>
    /// may be <paramref name="host"/>'s own memory, and the full fold reads it next). The scalar fold
    /// spent about 50 instructions a character; random hosts are nearly all such names.
    /// </summary>
    [SkipLocalsInit]
    public static QuickFold TryFoldQuick(ReadOnlySpan<char> input, Span<char> host, Span<char> skeleton, ulong[] grams, QuickSets sets, Span<ulong> setPositions,
        out int hostLength, out ulong dots)
    {
        hostLength = 0;
        dots = 0;
        var length = input.Length;
        // As TryToAscii: one trailing dot is dropped.
        if (length > 1 && input[length - 1] == '.')
        {
            length--;
        }

        // The set look-up is a byte shuffle (AVX2); elsewhere every name takes the full fold.
        if (!Avx2.IsSupported || length is 0 or > QuickMaxLength || host.Length < QuickMaxLength || skeleton.Length < QuickMaxLength
            || grams.Length < GramCount / 64 || setPositions.Length < QuickSets.Count)
        {
            return QuickFold.NotQuick;
        }

        // The name as bytes after four zero bytes, zeros after it: every load below stays inside.
        Span<byte> raw = stackalloc byte[Front + QuickMaxLength + 64];
        ref var r = ref MemoryMarshal.GetReference(raw);
        Vector256<byte>.Zero.StoreUnsafe(ref r);
        Vector256<byte>.Zero.StoreUnsafe(ref r, (nuint)(Front + length));
        Vector256<byte>.Zero.StoreUnsafe(ref r, (nuint)(Front + length + 32));
        if (!TryNarrow(ref MemoryMarshal.GetReference(input), length, ref Unsafe.Add(ref r, Front)))
        {
            return QuickFold.NotQuick;
        }

        Span<byte> lowered = stackalloc byte[QuickMaxLength];
        Span<byte> folds = stackalloc byte[QuickMaxLength];
        // Gram classes after four no-class bytes (dots and padding are no-class too).
        Span<byte> classes = stackalloc byte[Front + QuickMaxLength];
        ref var lo = ref MemoryMarshal.GetReference(lowered);
        ref var fo = ref MemoryMarshal.GetReference(folds);
        ref var cl = ref MemoryMarshal.GetReference(classes);
        var noClass = Vector256.Create((byte)NoClass);
        noClass.GetLower().StoreUnsafe(ref cl);
        var blocks = (length + 31) / 32;
        var ramp = Vector256.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
        Span<ulong> found = stackalloc ulong[QuickSets.Count];
        found.Clear();
        ref var fs = ref MemoryMarshal.GetReference(found);
        var rejected = Vector256<byte>.Zero;
        var shortLabel = Vector256<byte>.Zero;
        for (var b = 0; b < blocks; b++)
        {
            var at = (nuint)(Front + (32 * b));
            var inRange = Vector256.LessThan(ramp + Vector256.Create((byte)(32 * b)), Vector256.Create((byte)length));
            var c = Lower(Vector256.LoadUnsafe(ref r, at));
            var next = Lower(Vector256.LoadUnsafe(ref r, at + 1));
            var after = Lower(Vector256.LoadUnsafe(ref r, at + 2));
            var before = Vector256.LoadUnsafe(ref r, at - 1);
            var letter = Vector256.LessThan(c - Vector256.Create((byte)'a'), Vector256.Create((byte)26));
            var digit = Vector256.LessThan(c - Vector256.Create((byte)'0'), Vector256.Create((byte)10));
            var dot = Vector256.Equals(c, Vector256.Create((byte)'.'));
            var underscore = Vector256.Equals(c, Vector256.Create((byte)'_'));
            // rn → m, vv → w, cl → d, right after each other or across a dot.
            var nextOrAfterDot = Vector256.ConditionalSelect(Vector256.Equals(next, Vector256.Create((byte)'.')), after, next);
            var pair = (Vector256.Equals(c, Vector256.Create((byte)'r')) & Vector256.Equals(nextOrAfterDot, Vector256.Create((byte)'n')))
                | (Vector256.Equals(c, Vector256.Create((byte)'v')) & Vector256.Equals(nextOrAfterDot, Vector256.Create((byte)'v')))
                | (Vector256.Equals(c, Vector256.Create((byte)'c')) & Vector256.Equals(nextOrAfterDot, Vector256.Create((byte)'l')));
            rejected |= inRange & (pair | ~(letter | digit | dot | underscore));
            // A label of one character: a dot (or the start) before it and a dot (or the end) after it.
            var edgeBefore = Vector256.Equals(before, Vector256.Create((byte)'.')) | Vector256.Equals(before, Vector256<byte>.Zero);
            var edgeAfter = Vector256.Equals(next, Vector256.Create((byte)'.')) | Vector256.Equals(next, Vector256<byte>.Zero);
            shortLabel |= inRange & ~dot & edgeBefore & edgeAfter;
            dots |= (ulong)(inRange & dot).ExtractMostSignificantBits() << (32 * b);
            // Single folds: 0 → o; 1, i → l.
            var fold = Vector256.ConditionalSelect(Vector256.Equals(c, Vector256.Create((byte)'0')), Vector256.Create((byte)'o'), c);
            fold = Vector256.ConditionalSelect(Vector256.Equals(c, Vector256.Create((byte)'1')) | Vector256.Equals(c, Vector256.Create((byte)'i')), Vector256.Create((byte)'l'), fold);
            // Gram classes as GramClass gives them: letters 0–25, digits 26 + d % 5, the rest 30; dots and padding none.
            var d = fold - Vector256.Create((byte)'0');
            var digitClass = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(d, Vector256.Create((byte)5)), d - Vector256.Create((byte)5), d)
                + Vector256.Create((byte)26);
            var foldLetter = Vector256.LessThan(fold - Vector256.Create((byte)'a'), Vector256.Create((byte)26));
            var foldDigit = Vector256.LessThan(d, Vector256.Create((byte)10));
            var gramClass = Vector256.ConditionalSelect(foldLetter, fold - Vector256.Create((byte)'a'),
                Vector256.ConditionalSelect(foldDigit, digitClass, Vector256.Create((byte)30)));
            gramClass = Vector256.ConditionalSelect(inRange & ~dot, gramClass, noClass);
            // The sets each character is in, by its high four bits (3: digits, 5: '_', 6 and 7: letters).
            var low = c & Vector256.Create((byte)0x0F);
            var high = c >>> 4;
            var inSets = Vector256.ConditionalSelect(Vector256.Equals(high, Vector256.Create((byte)6)), Avx2.Shuffle(sets.Lower, low),
                Vector256.ConditionalSelect(Vector256.Equals(high, Vector256.Create((byte)7)), Avx2.Shuffle(sets.LowerTail, low),
                Vector256.ConditionalSelect(Vector256.Equals(high, Vector256.Create((byte)3)), Avx2.Shuffle(sets.Digits, low),
                Vector256.ConditionalSelect(Vector256.Equals(high, Vector256.Create((byte)5)), Avx2.Shuffle(sets.Underscore, low), Vector256<byte>.Zero))));
            inSets &= inRange;
            // Set k's bit reaches the top bit (what a mask extraction reads) after 7 - k doublings.
            for (var set = QuickSets.Count - 1; set >= 0; set--)
            {
                Unsafe.Add(ref fs, set) |= (ulong)inSets.ExtractMostSignificantBits() << (32 * b);
                inSets += inSets;
            }

            c.StoreUnsafe(ref lo, (nuint)(32 * b));
            fold.StoreUnsafe(ref fo, (nuint)(32 * b));
            gramClass.StoreUnsafe(ref cl, at);
        }

        if ((rejected | shortLabel) != Vector256<byte>.Zero)
        {
            return QuickFold.NotQuick;
        }

        // Each character's gram: the two label characters before it, a dot skipped (labels are two
        // characters or more, so at most one of the three positions before it is a dot).
        Span<ushort> codes = stackalloc ushort[QuickMaxLength];
        ref var co = ref MemoryMarshal.GetReference(codes);
        for (var b = 0; b < blocks; b++)
        {
            var at = (nuint)(Front + (32 * b));
            var c0 = Vector256.LoadUnsafe(ref cl, at);
            var c1 = Vector256.LoadUnsafe(ref cl, at - 1);
            var c2 = Vector256.LoadUnsafe(ref cl, at - 2);
            var c3 = Vector256.LoadUnsafe(ref cl, at - 3);
            var dot1 = Vector256.Equals(c1, noClass) & Vector256.GreaterThan(Vector256.LoadUnsafe(ref r, at - 1), Vector256<byte>.Zero);
            var dot2 = Vector256.Equals(c2, noClass) & Vector256.GreaterThan(Vector256.LoadUnsafe(ref r, at - 2), Vector256<byte>.Zero);
            var p1 = Vector256.ConditionalSelect(dot1, c2, c1);
            var p2 = Vector256.ConditionalSelect(dot1 | dot2, c3, c2);
            var (c0Low, c0High) = Vector256.Widen(c0);
            var (p1Low, p1High) = Vector256.Widen(p1);
            var (p2Low, p2High) = Vector256.Widen(p2);
            ((p2Low << (2 * GramBits)) | (p1Low << GramBits) | c0Low).StoreUnsafe(ref co, (nuint)(32 * b));
            ((p2High << (2 * GramBits)) | (p1High << GramBits) | c0High).StoreUnsafe(ref co, (nuint)((32 * b) + 16));
        }

        // Four grams a step, in two chains: past the end (up to the blocks' end, a multiple of four) the
        // codes end in the no-class, which no brand's third letter has.
        ref var bits = ref MemoryMarshal.GetArrayDataReference(grams);
        ulong hit = 0, hit2 = 0;
        for (nuint i = 0; i < (nuint)length; i += 4)
        {
            nuint c0 = Unsafe.Add(ref co, i), c1 = Unsafe.Add(ref co, i + 1), c2 = Unsafe.Add(ref co, i + 2), c3 = Unsafe.Add(ref co, i + 3);
            hit |= (Unsafe.Add(ref bits, c0 >> 6) >> (int)c0) | (Unsafe.Add(ref bits, c1 >> 6) >> (int)c1);
            hit2 |= (Unsafe.Add(ref bits, c2 >> 6) >> (int)c2) | (Unsafe.Add(ref bits, c3 >> 6) >> (int)c3);
        }

        // Write the lowered name and the folds as characters (the gram hit's full check reads them too).
        ref var h = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(host));
        ref var s = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(skeleton));
        for (var b = 0; b < blocks; b++)
        {
            var (lowLower, highLower) = Vector256.Widen(Vector256.LoadUnsafe(ref lo, (nuint)(32 * b)));
            lowLower.StoreUnsafe(ref h, (nuint)(32 * b));
            highLower.StoreUnsafe(ref h, (nuint)((32 * b) + 16));
            var (lowFold, highFold) = Vector256.Widen(Vector256.LoadUnsafe(ref fo, (nuint)(32 * b)));
            lowFold.StoreUnsafe(ref s, (nuint)(32 * b));
            highFold.StoreUnsafe(ref s, (nuint)((32 * b) + 16));
        }

        found.CopyTo(setPositions);
        hostLength = length;
        return ((hit | hit2) & 1) != 0 ? QuickFold.GramHit : QuickFold.Folded;
    }

    /// <summary>
    /// <paramref name="length"/> (1 to <see cref="QuickMaxLength"/>) characters to bytes, false when one is not
    /// ASCII: eight or sixteen at a time, the last load ending at the name's end (it may overlap the one
    /// before and writes the same bytes again), so nothing past the name is read or written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryNarrow(ref char source, int length, ref byte destination)
    {
        ref var s = ref Unsafe.As<char, ushort>(ref source);
        if (length >= 16)
        {
            var seen = Vector256<ushort>.Zero;
            for (var i = 0; i < length; i += 16)
            {
                var at = (nuint)Math.Min(i, length - 16);
                var v = Vector256.LoadUnsafe(ref s, at);
                seen |= v;
                Vector128.Narrow(v.GetLower(), v.GetUpper()).StoreUnsafe(ref destination, at);
            }

            return (seen & Vector256.Create((ushort)0xFF80)) == Vector256<ushort>.Zero;
        }

        if (length >= 8)
        {
            var first = Vector128.LoadUnsafe(ref s);
            var last = Vector128.LoadUnsafe(ref s, (nuint)(length - 8));
            var bytes = Vector128.Narrow(first, last).AsUInt64();
            Unsafe.WriteUnaligned(ref destination, bytes.GetElement(0));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length - 8), bytes.GetElement(1));
            return ((first | last) & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero;
        }

        uint any = 0;
        for (var i = 0; i < length; i++)
        {
            var c = Unsafe.Add(ref s, i);
            any |= c;
            Unsafe.Add(ref destination, i) = (byte)c;
        }

        return any < 0x80;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Lower(Vector256<byte> c) =>
        c | (Vector256.LessThan(c - Vector256.Create((byte)'A'), Vector256.Create((byte)26)) & Vector256.Create((byte)0x20));
}
