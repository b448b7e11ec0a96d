using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Rampart.Detection.Indicators;

/// <summary>
/// A blocked Bloom filter over the parent key (<see cref="IndicatorKeys.ParentKey"/>: the last two
/// labels, <c>evil.com</c> of <c>a.b.evil.com</c>) of every domain indicator. Any indicator a name
/// can match ends in the name's own last two labels, so when the filter says no, nothing can match
/// and the lookup stops after one vector pass over the name's end and one word read — what 99% of
/// lookups do. About 10 bits an indicator (1.25 bytes; 12.5 MB for 10M, which can stay in the last
/// level cache where the table cannot); 4 bits in one 64-bit word give ~3% false positives, which
/// only cost the full probe. Sized from the expected count; past twice that it turns itself off
/// (every bit set, every answer "maybe"), which is slower, never wrong.
/// </summary>
/// <remarks>
/// The words are native memory in huge pages (<see cref="HugePageMemory"/>): that read is the one
/// memory access of most lookups, and with 4 KB pages it would also miss the TLB. Freed when finalized.
/// </remarks>
internal sealed unsafe class ParentFilter
{
    private const int BitsPerEntry = 10;

    private readonly ulong _count;
    private readonly nuint _bytes;
    private readonly long _limit;
    private ulong* _words;
    private long _added;

    public ParentFilter(int expected)
    {
        _count = (ulong)Math.Max(16, ((long)Math.Max(expected, 1024) * BitsPerEntry / 64) + 1);
        _bytes = HugePageMemory.RoundUp((nuint)_count * sizeof(ulong));
        _words = (ulong*)HugePageMemory.Allocate(_bytes);
        _limit = 2L * Math.Max(expected, 1024);
        GC.AddMemoryPressure((long)_bytes);
    }

    ~ParentFilter()
    {
        HugePageMemory.Free(_words);
        _words = null;
        GC.RemoveMemoryPressure((long)_bytes);
    }

    public long Bytes => (long)_bytes;

    public void Add(ulong key)
    {
        if (_added > _limit)
        {
            return;
        }

        if (++_added > _limit)
        {
            // Too full to tell anything apart: from now on every answer is "maybe".
            new Span<ulong>(_words, (int)_count).Fill(ulong.MaxValue);
            return;
        }

        _words[Word(key)] |= Mask(key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ulong key)
    {
        var mask = Mask(key);
        return (_words[Word(key)] & mask) == mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(_words + Word(key));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Word(ulong key) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(key, _count) : Math.BigMul(key, _count, out _);

    /// <summary>Four bit positions from the low 24 bits (the word comes from the high bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(ulong key) =>
        (1UL << (int)(key & 63)) | (1UL << (int)((key >> 6) & 63)) | (1UL << (int)((key >> 12) & 63)) | (1UL << (int)((key >> 18) & 63));
}
