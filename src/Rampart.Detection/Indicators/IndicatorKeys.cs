using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rampart.Detection.Indicators;

/// <summary>
/// 64-bit fingerprints of normalized values, each finished with a murmur3 finalizer for avalanche.
/// Domains are hashed label by label from the right — each label four characters at a time, then
/// folded into the state of the labels to its right — so one pass over <c>a.b.evil.com</c> yields
/// the fingerprints of <c>evil.com</c>, <c>b.evil.com</c> and the whole name without re-reading a
/// character. Other values use FNV-1a steps, one character at a time (they are not on the hot path).
/// </summary>
/// <remarks>
/// Case folding is an OR with 0x20 on every character: exact for the domain alphabet (letters,
/// digits, '-', '.', all of which already have the bit except uppercase letters), and applied on
/// both sides (build and lookup), so it never splits one value. Network keys avoid it (see <see cref="OfNetwork"/>).
/// </remarks>
internal static class IndicatorKeys
{
    private const ulong Prime = 0x100000001B3UL;
    private const ulong LengthFactor = 0x9E3779B97F4A7C15UL;
    private const ulong WordFactor = 0xC2B2AE3D27D4EB4FUL;
    private const ulong LabelFactor = 0x165667B19E3779F9UL;
    private const ulong Fold = 0x0020_0020_0020_0020UL;
    private const ulong ParentSeed = 0x27D4EB2F165667C5UL;

    /// <summary>The hash of one label (<paramref name="length"/> characters from <paramref name="start"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Label(ref char start, int length)
    {
        ref var bytes = ref Unsafe.As<char, byte>(ref start);
        var hash = (ulong)(length + 1) * LengthFactor;
        if (length >= 4)
        {
            var i = 0;
            for (; i + 4 <= length; i += 4)
            {
                hash = BitOperations.RotateLeft((hash ^ (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, i * 2)) | Fold)) * WordFactor, 31);
            }

            if (i < length)
            {
                // The last four characters, overlapping the previous word: no partial reads.
                hash = BitOperations.RotateLeft((hash ^ (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (length - 4) * 2)) | Fold)) * WordFactor, 31);
            }

            return hash;
        }

        ulong word = 0;
        for (var i = 0; i < length; i++)
        {
            word = (word << 16) | (uint)(Unsafe.Add(ref start, i) | 0x20);
        }

        return BitOperations.RotateLeft((hash ^ word) * WordFactor, 31);
    }

    /// <summary>The state of a suffix one label longer: <paramref name="label"/> to the left of <paramref name="suffix"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong suffix, ulong label) => BitOperations.RotateLeft((suffix ^ label) * LabelFactor, 29);

    /// <summary>The fingerprint of a whole domain name, as <see cref="IndicatorIndex.MatchDomain"/> computes it for each suffix.</summary>
    public static ulong Domain(ReadOnlySpan<char> domain)
    {
        ref var first = ref MemoryMarshal.GetReference(domain);
        var state = Seed(KeyKind.Domain);
        var end = domain.Length;
        while (true)
        {
            var dot = end - 1;
            while (dot >= 0 && Unsafe.Add(ref first, dot) != '.')
            {
                dot--;
            }

            state = Extend(state, Label(ref Unsafe.Add(ref first, dot + 1), end - dot - 1));
            if (dot < 0)
            {
                return Finish(state);
            }

            end = dot;
        }
    }

    /// <summary>
    /// The <see cref="ParentFilter"/> key of a name: its last two labels (everything after the
    /// second-to-last dot), or their last 16 characters when longer, each character folded as above
    /// and cut to its low byte; 0 when the name has no dot. Every suffix of two or more labels has
    /// the name's own key, so one key answers for all the parents a lookup would probe.
    /// </summary>
    /// <param name="windowStart">Where the keyed text starts in the 16-character window; <see cref="TwoLabels"/> turns it into a position in the name.</param>
    /// <remarks>
    /// One pass without a loop: the name's last 16 characters (or its first and last 8, overlapping,
    /// when shorter) are folded, narrowed to bytes and searched for dots in one vector each; bytes
    /// before the last two labels are masked off. Folding can turn a control character into a dot
    /// and narrowing can merge two characters; both only make a key shared more widely (a filter
    /// "maybe", never a "no" that hides a match), because the same function keys both sides.
    /// A folded byte is never 0, so the zeros in front of a short name cannot be confused with text.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ParentKey(ReadOnlySpan<char> name, out int windowStart)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(name));
        var length = name.Length;
        ulong low, high;
        uint dots;
        if (length >= 8)
        {
            // Window: the 16 characters ending at the name's end. Under 16 characters the first
            // eight overlap the last eight and move right by the overlap, leaving zeros in front.
            // Branch-free clamps (names straddle 16 characters unpredictably): over = max(length - 16, 0), shift = max(16 - length, 0).
            var excess = length - 16;
            var over = excess & ~(excess >> 31);
            var shift = -excess & (excess >> 31);
            var fold = Vector128.Create((ushort)0x20);
            var bytes = Vector128.Narrow(
                Vector128.LoadUnsafe(ref first, (nuint)over) | fold,
                Vector128.LoadUnsafe(ref first, (nuint)(length - 8)) | fold);
            var found = Vector128.Equals(bytes, Vector128.Create((byte)'.')).ExtractMostSignificantBits();
            dots = (((found & 0xFF) << shift) & 0xFF) | (found & 0xFF00);
            // Two shifts of 4 × shift bits: a shift of 8 bytes clears the word (one shift of 64 would not move it).
            low = (bytes.AsUInt64().ToScalar() << (4 * shift)) << (4 * shift);
            high = bytes.AsUInt64().GetElement(1);
        }
        else
        {
            low = 0;
            high = 0;
            dots = 0;
            for (var i = 0; i < length; i++)
            {
                // Character i sits at byte 16 - length + i of the window, in its high half.
                var b = (byte)(Unsafe.Add(ref first, i) | 0x20);
                var at = 8 - length + i;
                high |= (ulong)b << (8 * at);
                dots |= b == '.' ? 1u << (8 + at) : 0;
            }
        }

        if (dots == 0 && length <= 16)
        {
            windowStart = 0;
            return 0;
        }

        // The last two labels start after the second-highest dot (at 0 when there is none).
        var rest = dots & ~(0x8000_0000u >> BitOperations.LeadingZeroCount(dots));
        var start = 32 - BitOperations.LeadingZeroCount(rest);
        windowStart = start;
        ref var keep = ref MemoryMarshal.GetReference(KeepFrom);
        low &= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref keep, 16 - start));
        high &= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref keep, 24 - start));
        return Finish(((low ^ ParentSeed) * WordFactor) ^ high);
    }

    /// <summary>
    /// Where the text <see cref="ParentKey"/> keyed starts in a name of <paramref name="length"/>
    /// characters: after the second-to-last dot, 0 when the name has one dot, -1 when the last two
    /// labels are cut to 16 characters (or are exactly 16).
    /// </summary>
    public static int TwoLabels(int length, int windowStart) => windowStart > 0 ? length - 16 + windowStart : length <= 16 ? 0 : -1;

    /// <summary>
    /// The key of a name's last three labels: its third label from the right hashed onto its
    /// <see cref="ParentKey"/>, given where that key's text starts (<paramref name="twoLabels"/>,
    /// just after a dot). Dots are found as <see cref="ParentKey"/> finds them, on folded bytes.
    /// </summary>
    public static ulong ThreeLabelKey(ReadOnlySpan<char> name, ulong parentKey, int twoLabels)
    {
        var dot = twoLabels - 1;
        var start = dot;
        while (start > 0 && (byte)(name[start - 1] | 0x20) != '.')
        {
            start--;
        }

        return Finish(Extend(parentKey, Label(ref Unsafe.Add(ref MemoryMarshal.GetReference(name), start), dot - start)));
    }

    /// <summary>16 zero bytes then 16 ones: 16 bytes read from <c>16 - start</c> keep the window's bytes from <c>start</c> on.</summary>
    private static ReadOnlySpan<byte> KeepFrom =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Seed(KeyKind kind) => 0xCBF29CE484222325UL ^ ((ulong)kind * 0x9E3779B97F4A7C15UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong hash, char c)
    {
        uint x = c;
        x |= (x - 'A' < 26u) ? 0x20u : 0u;
        return (hash ^ x) * Prime;
    }

    /// <summary>Never 0: the table marks empty slots with 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash == 0 ? 1 : hash;
    }

    public static ulong Of(KeyKind kind, ReadOnlySpan<char> text)
    {
        var hash = Seed(kind);
        for (var i = text.Length - 1; i >= 0; i--)
        {
            hash = Step(hash, text[i]);
        }

        return Finish(hash);
    }

    /// <summary>
    /// A network: its prefix length and its address with the host bits cleared, each byte as a
    /// character above 0xFF so the ASCII case folding never merges two bytes (78 is 'N', 110 is 'n').
    /// </summary>
    public static ulong OfNetwork(ReadOnlySpan<byte> address, int prefixLength)
    {
        Span<char> text = stackalloc char[17];
        text[0] = (char)(0x100 | prefixLength);
        for (var i = 0; i < address.Length; i++)
        {
            var bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            text[i + 1] = (char)(0x100 | (address[i] & (0xFF << (8 - bits))));
        }

        return Of(address.Length == 4 ? KeyKind.Network4 : KeyKind.Network6, text[..(address.Length + 1)]);
    }
}
