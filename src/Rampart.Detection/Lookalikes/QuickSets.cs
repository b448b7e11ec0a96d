using System.Runtime.Intrinsics;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// Up to eight sets of ASCII characters that <see cref="HostFolder.TryFoldQuick"/> locates in a lowered
/// name (bit i of a set's positions: the character at i is in it), each a bit of one byte per
/// character, looked up 32 characters at a time by their low four bits in one 16-byte table per high
/// four bits. Only what a quickly folded name holds has entries: digits, <c>_</c>, lower-case letters.
/// Set 0 (<see cref="Loose"/>) holds what any loose skeleton can come from; the prefilter gives the
/// others to <see cref="LabelGate"/>'s names of two edits and to loose skeletons of some lengths.
/// </summary>
internal sealed class QuickSets
{
    /// <summary>Sets one table can hold.</summary>
    public const int Count = 8;

    /// <summary>The set of characters a loose skeleton letter can come from.</summary>
    public const int Loose = 0;

    /// <param name="bitsOf">The sets (bits) a lower-case character is in.</param>
    public QuickSets(Func<char, byte> bitsOf)
    {
        Vector256<byte> Table(int high)
        {
            var row = Vector128.Create([.. Enumerable.Range(0, 16).Select(low => bitsOf((char)((high << 4) | low)))]);
            return Vector256.Create(row, row);
        }

        Digits = Table(3);
        Underscore = Table(5);
        Lower = Table(6);
        LowerTail = Table(7);
    }

    /// <summary>Entries for 0x30–0x3F, in both halves (a byte shuffle looks up within each half).</summary>
    public Vector256<byte> Digits { get; }

    /// <summary>Entries for 0x50–0x5F.</summary>
    public Vector256<byte> Underscore { get; }

    /// <summary>Entries for 0x60–0x6F.</summary>
    public Vector256<byte> Lower { get; }

    /// <summary>Entries for 0x70–0x7F.</summary>
    public Vector256<byte> LowerTail { get; }
}
