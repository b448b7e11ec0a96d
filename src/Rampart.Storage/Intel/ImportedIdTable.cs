using System.Runtime.InteropServices;

namespace Rampart.Storage.Intel;

/// <summary>
/// The STIX ids one SQLite import has stored, each with the <c>date_added</c> (row id) of its version, while the
/// import has the <c>(id, modified)</c> index set aside (<see cref="StixImportWriter"/>): an id is found by its
/// hash here and confirmed by reading the row by its row id. Open addressing, one 64-bit word per version —
/// 31 bits of the id's hash and the row's offset from the import's first date_added — at most half full:
/// 16 MB for a million ids. An import that would pass <see cref="MaxVersions"/> builds the index again first.
/// The slots are native memory (malloc'd, so a large table is its own mapping), freed as soon as the table grows or is disposed: as managed arrays, each
/// outgrown one (0.5, 1, 2 … 8 MB) stayed on the large object heap until a gen2 collection, ~20 MB of peak
/// working set at 1M.
/// </summary>
internal sealed class ImportedIdTable(long firstDateAdded) : IDisposable
{
    /// <summary>4M versions (a 64 MB table): the bound on this import's memory, not on the bundle.</summary>
    internal const int MaxVersions = 1 << 22;

    private nint _slots = Allocate(1 << 16);
    private int _length = 1 << 16;
    private int _count;

    public int Count => _count;

    /// <summary>Adds a stored version (the caller keeps to <see cref="MaxVersions"/>).</summary>
    public void Add(string id, long dateAdded)
    {
        ObjectDisposedException.ThrowIf(_slots == 0, this);
        var word = Pack(Hash(id), dateAdded - firstDateAdded);
        if ((_count + 1) * 2 > _length)
        {
            Grow();
        }

        Insert(_slots, _length, word);
        _count++;
    }

    /// <summary>The date_added of every version whose id hashes as <paramref name="id"/> does (the caller confirms each by its row).</summary>
    public void Candidates(string id, List<long> dateAdded)
    {
        ObjectDisposedException.ThrowIf(_slots == 0, this);
        dateAdded.Clear();
        var hash = Hash(id);
        var mask = _length - 1;
        for (var slot = (int)(hash & (uint)mask); Read(_slots, slot) is var word && word != 0; slot = (slot + 1) & mask)
        {
            if ((uint)(word >> 32) == hash)
            {
                dateAdded.Add(firstDateAdded + (long)(word & uint.MaxValue));
            }
        }
    }

    /// <summary>31 bits of the ordinal string hash, the lowest set so a packed word is never 0 (an empty slot).</summary>
    private static uint Hash(string id)
    {
        var hash = (uint)string.GetHashCode(id, StringComparison.Ordinal) * 0x9E3779B1u;
        return (hash ^ (hash >> 15)) | 1;
    }

    private static ulong Pack(uint hash, long offset) =>
        offset is >= 0 and <= uint.MaxValue ? ((ulong)hash << 32) | (uint)offset : throw new ArgumentOutOfRangeException(nameof(offset));

    public void Dispose()
    {
        Marshal.FreeHGlobal(_slots);
        _slots = 0;
    }

    private static nint Allocate(int length)
    {
        var slots = Marshal.AllocHGlobal(length * sizeof(ulong));
        for (var slot = 0; slot < length; slot++)
        {
            Marshal.WriteInt64(slots, slot * sizeof(ulong), 0);
        }

        return slots;
    }

    private static ulong Read(nint slots, int slot) => (ulong)Marshal.ReadInt64(slots, slot * sizeof(ulong));

    private static void Insert(nint slots, int length, ulong word)
    {
        var mask = length - 1;
        var slot = (int)((uint)(word >> 32) & (uint)mask);
        while (Read(slots, slot) != 0)
        {
            slot = (slot + 1) & mask;
        }

        Marshal.WriteInt64(slots, slot * sizeof(ulong), (long)word);
    }

    private void Grow()
    {
        var length = _length * 2;
        var larger = Allocate(length);
        for (var slot = 0; slot < _length; slot++)
        {
            if (Read(_slots, slot) is var word && word != 0)
            {
                Insert(larger, length, word);
            }
        }

        Marshal.FreeHGlobal(_slots);
        (_slots, _length) = (larger, length);
    }
}
