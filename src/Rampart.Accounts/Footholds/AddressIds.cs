using System.Net;
using System.Runtime.CompilerServices;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// One number per client address, found from the address's bytes: the text of an address is made
/// once, when the analysis reads it, not for every record (a log of a million records from a million
/// addresses made a million strings to tally them). Held as bytes in segments, so the table holds no
/// references and growing copies no address (48 bytes an address and an 8-byte slot; a dictionary and a list held 100).
/// </summary>
internal sealed class AddressIds
{
    /// <summary>Slots at most this many eighths full (see <see cref="AccessTable"/>).</summary>
    private const int MaxLoadEighths = 6;

    private readonly SegmentedList<Entry> _addresses = new();
    // Open addressing, one 64-bit word a slot: the address's hash above, its number plus one below
    // (0: empty); an entry is read only when the hash agrees, so a new address costs one cache miss.
    private ulong[] _slots = new ulong[128];
    private string?[] _texts = [];

    /// <summary>Addresses numbered so far (numbers run from 0).</summary>
    public int Count => _addresses.Count;

    /// <summary>The address with number <paramref name="id"/>.</summary>
    public ClientAddressKey Key(int id) => _addresses[id].Address;

    /// <summary>The address's number, given one now if it has none; -1 for none.</summary>
    public int Id(ClientAddressKey address)
    {
        if (address.IsNone)
        {
            return -1;
        }

        var hash = Hash(address);
        var found = Find(address, hash);
        if (found >= 0)
        {
            return found;
        }

        if ((_addresses.Count + 1) * 8L > _slots.Length * (long)MaxLoadEighths)
        {
            Grow();
        }

        var id = _addresses.Add(new Entry { Address = address, Hash = hash });
        Place(_slots, hash, id);
        return id;
    }

    /// <summary>The number of an address given as text, or -1 when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(string text) =>
        IPAddress.TryParse(text, out var address) && ClientAddressKey.Of(address) is var key ? Find(key, Hash(key)) : -1;

    /// <summary>The address as <see cref="IPAddress.ToString"/> writes it, made once.</summary>
    public string? Text(int id)
    {
        if (id < 0)
        {
            return null;
        }

        if (_texts.Length <= id)
        {
            Array.Resize(ref _texts, Math.Max(_addresses.Count, 16));
        }

        return _texts[id] ??= _addresses[id].Address.ToAddress()!.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ClientAddressKey address, int hash)
    {
        var tag = (ulong)(uint)hash << 32;
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                return -1;
            }

            if ((slot & 0xFFFF_FFFF_0000_0000UL) == tag)
            {
                var id = (int)(uint)slot - 1;
                if (_addresses[id].Address == address)
                {
                    return id;
                }
            }
        }
    }

    /// <summary>Puts address <paramref name="id"/> in the first empty slot from its hash's own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Place(ulong[] slots, int hash, int id)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = ((ulong)(uint)hash << 32) | (uint)(id + 1);
    }

    private void Grow()
    {
        var slots = new ulong[_slots.Length * 2];
        for (var i = 0; i < _addresses.Count; i++)
        {
            Place(slots, _addresses[i].Hash, i);
        }

        _slots = slots;
    }

    private static int Hash(ClientAddressKey address) => address.GetHashCode();

    private struct Entry
    {
        public ClientAddressKey Address;
        public int Hash;
    }
}
