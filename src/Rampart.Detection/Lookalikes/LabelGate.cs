using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// For one label length, the first test of the prefilter's label checks on a quickly folded name,
/// from where each character class is in the name (<see cref="HostFolder.TryFoldQuick"/>'s character
/// sets, one bit per position): a label that fails it is no typo and no loose skeleton of any name,
/// so it is let go after a few instructions without a branch or a loop over its letters; the rest
/// take the exact checks. Every test only widens those checks: the first and last letters of names
/// of three letters (<see cref="FirstLetters"/>, <see cref="LastLetters"/>; one edit of a longer name
/// is the prefilter's edge-key bitset), a label whose characters all can come from a loose skeleton
/// (<see cref="LooseOpen"/>, <see cref="LooseSet"/>), and for each name of two edits, a label with at least as many
/// characters from its letters as the name has distinct letters less two (positions count letters
/// at least once each). More such names than slots or sets open the gate.
/// </summary>
internal readonly struct LabelGate
{
    /// <summary>Names of two edits the gate holds for one length.</summary>
    public const int WideSlots = 4;

    public LabelGate(ulong firstLetters, ulong lastLetters, bool looseOpen, int looseSet, ReadOnlySpan<(int Set, int Need)> wide)
    {
        FirstLetters = firstLetters;
        LastLetters = lastLetters;
        LooseOpen = looseOpen;
        LooseSet = looseSet;
        // A slot needing no characters passes every label, as it must when the slots cannot hold every name;
        // one needing more than a label can have passes none.
        var open = wide.Length > WideSlots;
        (Set0, Need0) = Slot(wide, 0, open);
        (Set1, Need1) = Slot(wide, 1, open);
        (Set2, Need2) = Slot(wide, 2, open);
        (Set3, Need3) = Slot(wide, 3, open);
        if (new[] { looseSet, Set0, Set1, Set2, Set3 }.Any(set => (uint)set >= QuickSets.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(wide), "A label gate reads the quick fold's sets 0 to 7 only.");
        }
    }

    public ulong FirstLetters { get; }

    public ulong LastLetters { get; }

    /// <summary>Whether any loose skeleton can be as long as a label of this length.</summary>
    public bool LooseOpen { get; }

    /// <summary>The set of characters that loose skeletons of labels of this length (and others) come from.</summary>
    public int LooseSet { get; }

    public int Set0 { get; }

    public int Need0 { get; }

    public int Set1 { get; }

    public int Need1 { get; }

    public int Set2 { get; }

    public int Need2 { get; }

    public int Set3 { get; }

    public int Need3 { get; }

    /// <summary>
    /// Whether the label at <paramref name="range"/> (bits of its positions) might be a typo of a
    /// three-letter name by its first or last letter, or of a name of two edits by its letters (the
    /// prefilter's edge keys stand for one edit of longer names). <paramref name="sets"/> are the
    /// positions of each character set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayBeTypo(int first, int last, ulong range, ReadOnlySpan<ulong> sets)
    {
        Debug.Assert(sets.Length >= QuickSets.Count);
        // Set numbers are below QuickSets.Count (the constructor checks), and so is every span of sets given.
        ref var at = ref MemoryMarshal.GetReference(sets);
        var wide = (BitOperations.PopCount(Unsafe.Add(ref at, Set0) & range) >= Need0) | (BitOperations.PopCount(Unsafe.Add(ref at, Set1) & range) >= Need1)
            | (BitOperations.PopCount(Unsafe.Add(ref at, Set2) & range) >= Need2) | (BitOperations.PopCount(Unsafe.Add(ref at, Set3) & range) >= Need3);
        return wide | ((((FirstLetters >> first) | (LastLetters >> last)) & 1) != 0);
    }

    /// <summary>Whether the label at <paramref name="range"/> might have a brand's loose skeleton: all its characters can come from one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayBeLoose(ulong range, ReadOnlySpan<ulong> sets)
    {
        Debug.Assert(sets.Length >= QuickSets.Count);
        return LooseOpen & ((~Unsafe.Add(ref MemoryMarshal.GetReference(sets), LooseSet) & range) == 0);
    }

    private static (int Set, int Need) Slot(ReadOnlySpan<(int Set, int Need)> wide, int slot, bool open) =>
        open ? (0, 0) : slot < wide.Length ? wide[slot] : (0, int.MaxValue);
}
