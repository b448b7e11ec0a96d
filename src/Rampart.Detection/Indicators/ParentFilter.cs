using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Rampart.Detection.Indicators;

/// <summary>
/// A blocked Bloom filter over the two-label suffix (<c>evil.com</c> of <c>a.b.evil.com</c>) of
/// every domain indicator. Any indicator a name can match ends in the name's own last two labels,
/// so when the filter says no, nothing can match and the lookup stops after hashing two labels and
/// reading one word — what 99% of lookups do. About 10 bits an indicator (1.25 bytes; 12.5 MB for
/// 10M, which stays in cache where the table cannot); 4 bits in one 64-bit word give ~3% false
/// positives, which only cost the full probe. Sized from the expected count; past twice that it
/// turns itself off (every answer "maybe"), which is slower, never wrong.
/// </summary>
internal sealed unsafe class ParentFilter
{
    private const int BitsPerEntry = 10;

    private readonly ulong[] _words;
    private readonly ulong* _base;
    private readonly ulong _count;
    private readonly long _limit;
    private long _added;

    public ParentFilter(int expected)
    {
        var words = Math.Max(16, ((long)Math.Max(expected, 1024) * BitsPerEntry / 64) + 1);
        // Pinned, so a batch can prefetch words by address.
        _words = GC.AllocateArray<ulong>((int)words, pinned: true);
        _base = (ulong*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_words));
        _count = (ulong)words;
        _limit = 2L * Math.Max(expected, 1024);
    }

    public long Bytes => _words.Length * sizeof(ulong);

    private bool Off => _added > _limit;

    public void Add(ulong key)
    {
        _added++;
        _words[Word(key)] |= Mask(key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ulong key)
    {
        var mask = Mask(key);
        return (_base[Word(key)] & mask) == mask || Off;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(_base + Word(key));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Word(ulong key) => Math.BigMul(key, _count, out _);

    /// <summary>Four bit positions from the low 24 bits (the word comes from the high bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(ulong key) =>
        (1UL << (int)(key & 63)) | (1UL << (int)((key >> 6) & 63)) | (1UL << (int)((key >> 12) & 63)) | (1UL << (int)((key >> 18) & 63));
}
