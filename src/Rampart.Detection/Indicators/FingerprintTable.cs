using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Open addressing with linear probing over two parallel arrays: 64-bit fingerprints and an int32
/// row each, 12 bytes a slot at a load of at most 0.6, so 20 bytes an entry. A miss reads one cache
/// line of fingerprints (3.6 slots on average at 0.6); the row is read only on a fingerprint match.
/// Slots are found by multiplying the fingerprint into the capacity (no power-of-two rounding, which
/// would waste up to half the memory).
/// </summary>
/// <remarks>
/// The arrays are native memory in huge pages (<see cref="HugePageMemory"/>): 10M entries span
/// 200 MB. Freed when finalized (an index that was swapped out and is no longer referenced by any
/// check in flight), or at once when a builder outgrows it.
/// </remarks>
internal sealed unsafe class FingerprintTable
{
    /// <summary>0.6: 20 bytes an entry and short probe runs; 24 bytes an indicator is the budget.</summary>
    private const double MaxLoad = 0.6;

    private readonly ulong _capacity;
    private readonly nuint _keyBytes;
    private readonly nuint _rowBytes;
    private ulong* _keys;
    private int* _rows;

    public FingerprintTable(int count)
    {
        _capacity = (ulong)Math.Max(8, (long)Math.Ceiling(count / MaxLoad) + 1);
        _keyBytes = HugePageMemory.RoundUp((nuint)_capacity * sizeof(ulong));
        _rowBytes = HugePageMemory.RoundUp((nuint)_capacity * sizeof(int));
        _keys = (ulong*)HugePageMemory.Allocate(_keyBytes);
        _rows = (int*)HugePageMemory.Allocate(_rowBytes);
        GC.AddMemoryPressure((long)(_keyBytes + _rowBytes));
    }

    ~FingerprintTable() => Free();

    public int Count { get; private set; }

    /// <summary>True when one more entry would pass the maximum load.</summary>
    public bool Full => Count + 1 > (long)(_capacity * MaxLoad);

    /// <summary>Bytes the table holds.</summary>
    public long Bytes => (long)(_keyBytes + _rowBytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Slot(ulong key) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(key, _capacity) : Math.BigMul(key, _capacity, out _);

    /// <summary>A table twice as large holding the same entries; this one is freed.</summary>
    public FingerprintTable Grow()
    {
        var grown = new FingerprintTable(Math.Max(16, Count * 2));
        for (ulong i = 0; i < _capacity; i++)
        {
            if (_keys[i] != 0)
            {
                grown.Insert(_keys[i], _rows[i]);
            }
        }

        Free();
        return grown;
    }

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

            if (++i == _capacity)
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
            Sse.Prefetch0(_keys + Slot(key));
        }
    }

    /// <summary>
    /// Appends a hit for each row stored under <paramref name="key"/> to <paramref name="hits"/> from
    /// <paramref name="found"/> on (while there is room); returns the new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key, MatchHow how, int start, Span<IndexHit> hits, int found)
    {
        var i = Slot(key);
        while (true)
        {
            var k = _keys[i];
            if (k == key)
            {
                if (found < hits.Length)
                {
                    hits[found++] = new IndexHit(how, _rows[i], start);
                }
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

    /// <summary>Writes the rows stored under <paramref name="key"/>; returns how many (at most <paramref name="rows"/>' length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key, Span<int> rows)
    {
        var found = 0;
        var i = Slot(key);
        while (true)
        {
            var k = _keys[i];
            if (k == key)
            {
                if (found < rows.Length)
                {
                    rows[found++] = _rows[i];
                }
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

    private void Free()
    {
        if (_keys == null)
        {
            return;
        }

        HugePageMemory.Free(_keys);
        HugePageMemory.Free(_rows);
        _keys = null;
        _rows = null;
        GC.RemoveMemoryPressure((long)(_keyBytes + _rowBytes));
    }
}
