using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Field names keyed by their raw UTF-8 bytes as the record spells them (escaped form, no quotes):
/// one hash of the bytes gives the name's id, its string (one instance per spelling) and its fold,
/// a small integer shared by every spelling that differs only in case (<c>OperationName</c> and
/// <c>operationName</c>), so "first spelling wins" and case-ignoring look-ups are array probes, not
/// dictionaries built per record. A log repeats the same few hundred names in every record, so
/// after the first records nothing is allocated. Bounded: a hostile log can invent names without
/// end, so past <see cref="MaxNames"/> the owner empties the table between records
/// (<see cref="ClearIfFull"/>); ids and folds are only valid within one record.
/// </summary>
internal sealed class NameTable
{
    private const int MaxNames = 8192;
    private const int StackChars = 256;

    private int[] _buckets = new int[1024];
    private byte[] _keys = new byte[16 * 1024];
    private int _keysUsed;
    // What a look-up reads of an entry, side by side: one cache line, not four arrays' worth, per probe
    // (a table of texts holds thousands of accounts and addresses, and its probes missed the cache).
    private Entry[] _entries = new Entry[256];
    private string[] _names = new string[256];
    private int[] _folds = new int[256];
    private const int MaxReferences = 1024;

    private readonly Dictionary<string, int> _foldOf = new(StringComparer.OrdinalIgnoreCase);
    // Folds of the name strings callers hold (rule fields, shape fields): a reference probe instead
    // of hashing the name ignoring case on every look-up. A miss (-1) is only valid until a new fold
    // appears. Open addressing on the object's hash code, not a Dictionary with a reference comparer:
    // rules look up a few fields per record each, and the dictionary's comparer calls were 4% of an audit.
    private const int ReferenceSlots = 2 * MaxReferences;
    private readonly string?[] _referenceNames = new string?[ReferenceSlots];
    private readonly int[] _referenceFolds = new int[ReferenceSlots];
    private int _references;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _foldLookup;

    // Without folds the table only interns texts (accounts, addresses, workloads): most of its
    // entries are spelled once (an address, an account), and hashing each again ignoring case to
    // give it a fold nobody asks for cost more than the rest of adding it.
    private readonly bool _withFolds;

    /// <param name="withFolds">Whether names get folds (<see cref="Fold"/>, <see cref="FoldOf(string)"/>); a table that only interns texts needs none.</param>
    public NameTable(bool withFolds = true)
    {
        _withFolds = withFolds;
        _foldLookup = _foldOf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; private set; }

    /// <summary>Folds handed out so far: an upper bound for arrays indexed by fold.</summary>
    public int FoldCount => _foldOf.Count;

    /// <summary>Empties the table when it holds more than its bound; call only between records.</summary>
    public void ClearIfFull()
    {
        if (Count <= MaxNames)
        {
            return;
        }

        Array.Clear(_buckets);
        _foldOf.Clear();
        ForgetReferences();
        _keysUsed = 0;
        Count = 0;
    }

    public string Name(int id) => _names[id];

    public int Fold(int id) => _folds[id];

    /// <summary>The fold of a name (any case); -1 when no record has spelled it since the table was last emptied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FoldOf(string name)
    {
        const int mask = ReferenceSlots - 1;
        var slot = RuntimeHelpers.GetHashCode(name) & mask;
        while (_referenceNames[slot] is { } known)
        {
            if (ReferenceEquals(known, name))
            {
                return _referenceFolds[slot];
            }

            slot = (slot + 1) & mask;
        }

        var fold = _foldOf.TryGetValue(name, out var found) ? found : -1;
        if (_references < MaxReferences)
        {
            _referenceNames[slot] = name;
            _referenceFolds[slot] = fold;
            _references++;
        }

        return fold;
    }

    private void ForgetReferences()
    {
        if (_references > 0)
        {
            Array.Clear(_referenceNames);
            _references = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FoldOf(ReadOnlySpan<char> name) => _foldLookup.TryGetValue(name, out var fold) ? fold : -1;

    /// <summary>The id of the current property name of a reader over one span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Id(ref Utf8JsonReader reader) => Id(reader.ValueSpan, reader.ValueIsEscaped);

    /// <summary>The id of a raw (escaped, unquoted) name; <paramref name="escaped"/> says whether it holds escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Id(ReadOnlySpan<byte> raw, bool escaped)
    {
        var hash = Hash(raw);
        for (var id = _buckets[hash & (_buckets.Length - 1)] - 1; id >= 0; id = _entries[id].Next)
        {
            ref var entry = ref _entries[id];
            if (entry.Hash == hash && _keys.AsSpan(entry.KeyStart, entry.KeyLength).SequenceEqual(raw))
            {
                return id;
            }
        }

        return Add(raw, escaped, hash);
    }

    private int Add(ReadOnlySpan<byte> raw, bool escaped, uint hash)
    {
        var id = Count;
        if (id == _names.Length)
        {
            var size = id * 2;
            Array.Resize(ref _entries, size);
            Array.Resize(ref _names, size);
            Array.Resize(ref _folds, size);
        }

        if (_keys.Length - _keysUsed < raw.Length)
        {
            Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _keysUsed + raw.Length));
        }

        raw.CopyTo(_keys.AsSpan(_keysUsed));
        _entries[id].KeyStart = _keysUsed;
        _entries[id].KeyLength = raw.Length;
        _keysUsed += raw.Length;
        _entries[id].Hash = hash;
        var name = escaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);
        _names[id] = name;
        var fold = -1;
        if (_withFolds && !_foldOf.TryGetValue(name, out fold))
        {
            fold = _foldOf.Count;
            _foldOf.Add(name, fold);
            ForgetReferences();
        }

        _folds[id] = fold;
        Count++;
        if (Count > _buckets.Length)
        {
            Rehash(_buckets.Length * 2);
        }
        else
        {
            ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
            _entries[id].Next = bucket - 1;
            bucket = id + 1;
        }

        return id;
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        for (var id = 0; id < Count; id++)
        {
            ref var bucket = ref _buckets[_entries[id].Hash & (size - 1)];
            _entries[id].Next = bucket - 1;
            bucket = id + 1;
        }
    }

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        Span<byte> quoted = raw.Length + 2 <= StackChars ? stackalloc byte[StackChars] : new byte[raw.Length + 2];
        quoted[0] = (byte)'"';
        raw.CopyTo(quoted[1..]);
        quoted[raw.Length + 1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted[..(raw.Length + 2)]);
        reader.Read();
        return reader.GetString() ?? "";
    }

    /// <summary>A fast hash of a short byte string, eight bytes at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            h = (h ^ MemoryMarshal.Read<ulong>(bytes)) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 29;
            bytes = bytes[8..];
        }

        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        }

        h ^= h >> 32;
        return (uint)h;
    }

    private struct Entry
    {
        public uint Hash;
        public int KeyStart;
        public int KeyLength;
        public int Next;
    }
}
