using System.Runtime.InteropServices;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// Values by short byte strings (a field's raw value), found by span without decoding or allocating;
/// the key is copied once, when added. Not thread-safe.
/// </summary>
internal sealed class ByteKeyedTable<T>
{
    private int[] _buckets = new int[16];
    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public bool TryGetValue(ReadOnlySpan<byte> key, out T value)
    {
        var hash = NameTable.Hash(key);
        var entries = CollectionsMarshal.AsSpan(_entries);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = entries[i].Next)
        {
            ref var entry = ref entries[i];
            if (entry.Hash == hash && key.SequenceEqual(entry.Key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Adds a key that is not in the table.</summary>
    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (_entries.Count == _buckets.Length)
        {
            _buckets = new int[_buckets.Length * 2];
            var entries = CollectionsMarshal.AsSpan(_entries);
            for (var i = 0; i < entries.Length; i++)
            {
                ref var bucket = ref _buckets[entries[i].Hash & (_buckets.Length - 1)];
                entries[i].Next = bucket - 1;
                bucket = i + 1;
            }
        }

        var hash = NameTable.Hash(key);
        ref var first = ref _buckets[hash & (_buckets.Length - 1)];
        _entries.Add(new Entry(key.ToArray(), hash, value) { Next = first - 1 });
        first = _entries.Count;
    }

    private record struct Entry(byte[] Key, uint Hash, T Value)
    {
        public int Next { get; set; }
    }
}
