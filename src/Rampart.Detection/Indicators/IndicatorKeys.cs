using System.Runtime.CompilerServices;

namespace Rampart.Detection.Indicators;

/// <summary>
/// 64-bit fingerprints of normalized values. The hash runs from the last character to the first,
/// so one right-to-left pass over <c>a.b.evil.com</c> yields the fingerprint of <c>evil.com</c>,
/// <c>b.evil.com</c> and the whole name at each label boundary without re-reading a character.
/// FNV-1a steps, then a murmur3 finalizer for avalanche. ASCII letters are folded to lowercase.
/// </summary>
internal static class IndicatorKeys
{
    private const ulong Prime = 0x100000001B3UL;

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
