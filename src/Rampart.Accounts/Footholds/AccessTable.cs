using System.Runtime.CompilerServices;
namespace Rampart.Accounts.Footholds;

/// <summary>
/// The tallies of an audit by their 128-bit fingerprint (<see cref="AccessTallies"/>), in the order
/// they were first counted. Most tallies of a big log are seen once (a random address, a session of
/// one record): such a tally holds its one sighting, 64 bytes; a second sighting adds the latest
/// sighting and the count, 48 bytes more. Entries and later sightings live in
/// <see cref="SegmentedList{T}"/>s, found through one array of numbers (open addressing), so
/// growing copies no tally (a <see cref="Dictionary{TKey, TValue}"/> of 128-byte entries, doubling,
/// took about 2.5 times that for the 1.3M tallies of 1M generated records, and its copies were a third
/// of what the audit allocated).
/// </summary>
internal sealed class AccessTable
{
    /// <summary>Slots at most this many eighths full: linear probes then stay within a cache line or two.</summary>
    private const int MaxLoadEighths = 6;

    private const ulong TagMask = 0xFFFF_FFFF_0000_0000UL;

    private readonly SegmentedList<Entry> _entries = new();
    private readonly SegmentedList<Later> _later = new();

    // Open addressing, one 64-bit word a slot: the key's low half's upper 32 bits as a tag, the entry
    // number plus one below it (0: empty). A probe reads the entry only when the tag agrees, so a key
    // not in the table (most keys of a big log are new) costs one cache miss, not a chain of entries.
    private ulong[] _slots = new ulong[128];

    public int Count => _entries.Count;

    /// <summary>The entry of <paramref name="key"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(UInt128 key)
    {
        var (low, high) = ((ulong)key, (ulong)(key >> 64));
        var tag = low & TagMask;
        var mask = _slots.Length - 1;
        for (var i = (int)low & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                return -1;
            }

            if ((slot & TagMask) == tag)
            {
                var index = (int)(uint)slot - 1;
                ref var entry = ref _entries[index];
                if (entry.Low == low && entry.High == high)
                {
                    return index;
                }
            }
        }
    }

    /// <summary>A new tally of one sighting under <paramref name="key"/> (not in the table).</summary>
    public void Add(UInt128 key, int account, int kind, int value, in SightingIds sighting)
    {
        if ((_entries.Count + 1) * 8L > _slots.Length * (long)MaxLoadEighths)
        {
            Grow();
        }

        var low = (ulong)key;
        var index = _entries.Add(new Entry
        {
            Low = low,
            High = (ulong)(key >> 64),
            Account = account,
            Kind = kind,
            Value = value,
            Later = -1,
            First = sighting,
        });
        Place(_slots, low, index);
    }

    /// <summary>Counts one more sighting of entry <paramref name="index"/>: it replaces the first when earlier, the last when not earlier than the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddSighting(int index, in SightingIds sighting)
    {
        ref var entry = ref _entries[index];
        if (entry.Later < 0)
        {
            entry.Later = _later.Add(new Later { Last = entry.First, Count = 1, Entry = index });
        }

        ref var later = ref _later[entry.Later];
        later.Count++;
        var isFirst = sighting.Ticks < entry.First.Ticks;
        var isLast = sighting.Ticks >= later.Last.Ticks;
        if (isFirst)
        {
            entry.First = sighting;
        }

        if (isLast)
        {
            later.Last = sighting;
        }
    }

    /// <summary>The value number of entry <paramref name="index"/> (-1 for a session or token not yet kept by its text).</summary>
    public ref int ValueOf(int index) => ref _entries[index].Value;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AccessSlot Slot(int index)
    {
        ref var entry = ref _entries[index];
        var (last, count) = entry.Later < 0 ? (entry.First, 1L) : (_later[entry.Later].Last, _later[entry.Later].Count);
        return new AccessSlot(entry.Account, entry.Kind, entry.Value, count, entry.First, last);
    }

    /// <summary>The entries seen twice or more, in the order they were first counted: the only ones whose first and last sightings can differ.</summary>
    public int[] SeenTwice()
    {
        var entries = new int[_later.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = _later[i].Entry;
        }

        Array.Sort(entries);
        return entries;
    }

    /// <summary>Puts entry <paramref name="index"/>, whose key's low half is <paramref name="low"/>, in the first empty slot from its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Place(ulong[] slots, ulong low, int index)
    {
        var mask = slots.Length - 1;
        var i = (int)low & mask;
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = (low & TagMask) | (uint)(index + 1);
    }

    private void Grow()
    {
        var slots = new ulong[_slots.Length * 2];
        for (var i = 0; i < _entries.Count; i++)
        {
            Place(slots, _entries[i].Low, i);
        }

        _slots = slots;
    }

    /// <summary>A tally with its first sighting (the key as two halves: a UInt128 field would align the entry to 16 bytes).</summary>
    private struct Entry
    {
        public ulong Low;
        public ulong High;
        public int Account;
        public int Kind;
        public int Value;
        public int Later;
        public SightingIds First;
    }

    /// <summary>What a tally seen twice or more adds: its latest sighting and its count (and its entry).</summary>
    private struct Later
    {
        public SightingIds Last;
        public long Count;
        public int Entry;
    }
}
