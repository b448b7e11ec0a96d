using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Open addressing with linear probing over two parallel arrays: 64-bit fingerprints and an int32
/// row each, 12 bytes a slot at a load of at most 0.6, so 20 bytes an entry. A miss reads one cache
/// line of fingerprints (3.6 slots on average at 0.6); the row is read only on a fingerprint match.
/// Slots are found by multiplying the fingerprint into the capacity (no power-of-two rounding, which
/// would waste up to half the memory). The fingerprint array lives on the pinned heap so a lookup
/// can prefetch a slot by address before it needs it.
/// </summary>
internal sealed unsafe class FingerprintTable
{
    /// <summary>0.6: 20 bytes an entry and short probe runs; 24 bytes an indicator is the budget.</summary>
    private const double MaxLoad = 0.6;

    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly ulong* _base;
    private readonly ulong _capacity;

    public FingerprintTable(int count)
    {
        var capacity = Math.Max(8, (long)Math.Ceiling(count / MaxLoad) + 1);
        _keys = GC.AllocateArray<ulong>(checked((int)capacity), pinned: true);
        _rows = GC.AllocateUninitializedArray<int>((int)capacity);
        _base = (ulong*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_keys));
        _capacity = (ulong)capacity;
    }

    public int Count { get; private set; }

    /// <summary>True when one more entry would pass the maximum load.</summary>
    public bool Full => Count + 1 > (long)(_capacity * MaxLoad);

    /// <summary>A table twice as large holding the same entries.</summary>
    public FingerprintTable Grow()
    {
        var grown = new FingerprintTable(Math.Max(16, Count * 2));
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                grown.Insert(_keys[i], _rows[i]);
            }
        }

        return grown;
    }

    /// <summary>Bytes the table holds.</summary>
    public long Bytes => (long)_capacity * (sizeof(ulong) + sizeof(int));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)Math.BigMul(key, _capacity, out _);

    /// <summary>Adds a (fingerprint, row) pair; an identical pair is kept once.</summary>
    public void Insert(ulong key, int row)
    {
        var i = Slot(key);
        while (_keys[i] != 0)
        {
            if (_keys[i] == key && _rows[i] == row)
            {
                return;
            }

            if (++i == _keys.Length)
            {
                i = 0;
            }
        }

        _keys[i] = key;
        _rows[i] = row;
        Count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(_base + Slot(key));
        }
    }

    /// <summary>Writes the rows stored under <paramref name="key"/>; returns how many (at most <paramref name="rows"/>' length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key, Span<int> rows)
    {
        var found = 0;
        var i = (ulong)Slot(key);
        while (true)
        {
            var k = _base[i];
            if (k == key && found < rows.Length)
            {
                rows[found++] = _rows[i];
            }
            else if (k == 0)
            {
                return found;
            }

            if (++i == _capacity)
            {
                i = 0;
            }
        }
    }
}
