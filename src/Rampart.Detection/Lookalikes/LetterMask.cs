using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rampart.Detection.Lookalikes;

/// <summary>A 64-bit set of the characters in a label (a–z, 0–9, hyphen, other): a prefilter for edit distance.</summary>
internal static class LetterMask
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (var c in text)
        {
            mask |= Bit(c);
        }

        return mask;
    }

    /// <summary><see cref="Of"/> for ASCII text (the quick fold's), without a branch per character.</summary>
    public static ulong OfAscii(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (var c in text)
        {
            mask |= 1UL << IndexOfAscii(c);
        }

        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bit(char c) => 1UL << IndexOf(c);

    /// <summary>The character's bit number, 0 to 37.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(char c) => c < 128 ? Index[c] : Other;

    /// <summary>
    /// <see cref="IndexOf"/> for a character known to be ASCII (the quick fold's), without the branch:
    /// anything above 127 would read as its low seven bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfAscii(char c) => Unsafe.Add(ref MemoryMarshal.GetReference(Index), c & 0x7F);

    /// <summary>Bit numbers per character: 38.</summary>
    public const int Size = 38;

    public const int Other = 37;

    // a–z 0–25, 0–9 26–35, '-' 36, anything else 37.
    private static ReadOnlySpan<byte> Index =>
    [
        37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
        37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
        37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 36, 37, 37,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 37, 37, 37, 37, 37,
        37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
        37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37, 37,
        37, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
        15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 37, 37, 37, 37, 37,
    ];
}
