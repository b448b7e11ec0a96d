using System.Net;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// One number per client address, found from the address's bytes: the text of an address is made
/// once, when the analysis reads it, not for every record (a log of a million records from a million
/// addresses made a million strings to tally them). Held as bytes in segments, so the table holds no
/// references and growing copies no address (48 bytes an address; a dictionary and a list held 100).
/// </summary>
internal sealed class AddressIds
{
    private readonly SegmentedList<Entry> _addresses = new();
    // The first entry of each chain, plus one (0: none); as many as addresses at most, a power of two.
    private int[] _buckets = new int[64];
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

        if (_addresses.Count == _buckets.Length)
        {
            Grow();
        }

        ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
        var id = _addresses.Add(new Entry { Address = address, Hash = hash, Next = bucket - 1 });
        bucket = id + 1;
        return id;
    }

    /// <summary>The number of an address given as text, or -1 when it has none.</summary>
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

    private int Find(ClientAddressKey address, int hash)
    {
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0;)
        {
            ref var entry = ref _addresses[i];
            if (entry.Hash == hash && entry.Address == address)
            {
                return i;
            }

            i = entry.Next;
        }

        return -1;
    }

    private void Grow()
    {
        _buckets = new int[_buckets.Length * 2];
        var mask = _buckets.Length - 1;
        for (var i = 0; i < _addresses.Count; i++)
        {
            ref var entry = ref _addresses[i];
            ref var bucket = ref _buckets[entry.Hash & mask];
            entry.Next = bucket - 1;
            bucket = i + 1;
        }
    }

    private static int Hash(ClientAddressKey address) => address.GetHashCode();

    private struct Entry
    {
        public ClientAddressKey Address;
        public int Hash;
        public int Next;
    }
}
