using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// One number per client address, found from the address's bytes: the text of an address is made
/// once, when the analysis reads it, not for every record (a log of a million records from a million
/// addresses made a million strings to tally them). Held as bytes, so the table holds no references.
/// </summary>
internal sealed class AddressIds
{
    private readonly Dictionary<Key, int> _ids = [];
    private readonly List<Key> _addresses = [];
    private string?[] _texts = [];

    /// <summary>The address's number, given one now if it has none; -1 for none.</summary>
    public int Id(IPAddress? address)
    {
        if (address is null)
        {
            return -1;
        }

        var key = Key.Of(address);
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, key, out var exists);
        if (!exists)
        {
            id = _addresses.Count;
            _addresses.Add(key);
        }

        return id;
    }

    /// <summary>The number of an address given as text, or -1 when it has none.</summary>
    public int Find(string text) => IPAddress.TryParse(text, out var address) && _ids.TryGetValue(Key.Of(address), out var id) ? id : -1;

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

        return _texts[id] ??= _addresses[id].ToAddress().ToString();
    }

    /// <summary>An address as bytes: IPv4 in the low 4 bytes, IPv6 in 16 with its scope; the family apart.</summary>
    private readonly record struct Key(UInt128 Bytes, long ScopeId, bool V6)
    {
        public static Key Of(IPAddress address)
        {
            Span<byte> bytes = stackalloc byte[16];
            bytes.Clear();
            address.TryWriteBytes(bytes, out _);
            var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
            return new Key(MemoryMarshal.Read<UInt128>(bytes), v6 ? address.ScopeId : 0, v6);
        }

        public IPAddress ToAddress()
        {
            Span<byte> bytes = stackalloc byte[16];
            MemoryMarshal.Write(bytes, Bytes);
            return V6 ? new IPAddress(bytes, ScopeId) : new IPAddress(bytes[..4]);
        }
    }
}
