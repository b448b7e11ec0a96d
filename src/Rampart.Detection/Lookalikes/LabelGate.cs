using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// For one label length, what the prefilter's label checks need first, in one cache line: a label
/// whose letters fail every test here is no typo and no loose skeleton of any brand, so it is let go
/// after a few instructions without a branch; the rest take the exact checks. The tests only widen
/// those checks: the first and last letters of names of three letters (<see cref="FirstLetters"/>,
/// <see cref="LastLetters"/>), every letter a loose skeleton can come from (<see cref="LooseUnion"/>),
/// and for each name of two edits, the letters a label must not miss more than two of
/// (<see cref="Wide0"/> to <see cref="Wide3"/>; more such names than slots turn the test off). One
/// edit of a longer name is the prefilter's edge-key bitset.
/// </summary>
internal readonly struct LabelGate
{
    /// <summary>Brands of two edits the gate holds for one length.</summary>
    public const int WideSlots = 4;

    /// <summary>A slot no label can be near: it misses more than two of all letters.</summary>
    private const ulong NoWide = ulong.MaxValue;

    public LabelGate(ulong firstLetters, ulong lastLetters, ulong looseUnion, ReadOnlySpan<ulong> wideMasks, bool wideWithinTwo)
    {
        FirstLetters = firstLetters;
        LastLetters = lastLetters;
        LooseUnion = looseUnion;
        // A mask of 0 misses nothing: every label passes, as it must when the slots cannot hold them all.
        var open = wideMasks.Length > WideSlots || !wideWithinTwo;
        Wide0 = open ? 0 : wideMasks.Length > 0 ? wideMasks[0] : NoWide;
        Wide1 = open || wideMasks.Length <= 1 ? NoWide : wideMasks[1];
        Wide2 = open || wideMasks.Length <= 2 ? NoWide : wideMasks[2];
        Wide3 = open || wideMasks.Length <= 3 ? NoWide : wideMasks[3];
    }

    public ulong FirstLetters { get; }

    public ulong LastLetters { get; }

    public ulong LooseUnion { get; }

    public ulong Wide0 { get; }

    public ulong Wide1 { get; }

    public ulong Wide2 { get; }

    public ulong Wide3 { get; }

    /// <summary>
    /// Whether a label of this length might be a typo of a three-letter name by its first or last letter,
    /// of a name of two edits by its letters, or have a loose skeleton by its letters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayPass(int first, int last, ulong mask, ulong written)
    {
        var missing = ~mask;
        var wide = (BitOperations.PopCount(Wide0 & missing) <= 2) | (BitOperations.PopCount(Wide1 & missing) <= 2)
            | (BitOperations.PopCount(Wide2 & missing) <= 2) | (BitOperations.PopCount(Wide3 & missing) <= 2);
        return wide | ((((FirstLetters >> first) | (LastLetters >> last)) & 1) != 0) | ((written & ~LooseUnion) == 0);
    }
}
