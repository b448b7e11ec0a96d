using System.Net;
using System.Net.Sockets;

namespace Rampart.Dns.Victims;

/// <summary>
/// Longest-prefix match over IPv4 and IPv6 networks, immutable once built. The indicator index's
/// scheme (Detection/Indicators: one key per network and prefix length, probed from the longest present
/// prefix down) with exact keys instead of fingerprints, since a victim's organization is not
/// confirmed against the store afterwards: a /24 and a /16 table probe 2 keys, not 33.
/// </summary>
public sealed class NetworkTable<T>
    where T : class
{
    private readonly Dictionary<ulong, T> _v4;
    private readonly Dictionary<(UInt128 Address, int Prefix), T> _v6;
    private readonly int[] _v4Prefixes;
    private readonly int[] _v6Prefixes;

    /// <summary>Builds the table; for a network given twice the later value wins.</summary>
    public NetworkTable(IEnumerable<(IPNetwork Network, T Value)> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        _v4 = [];
        _v6 = [];
        foreach (var (network, value) in networks)
        {
            if (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork)
            {
                _v4[Key4(V4(network.BaseAddress), network.PrefixLength)] = value;
            }
            else
            {
                _v6[(Mask6(V6(network.BaseAddress), network.PrefixLength), network.PrefixLength)] = value;
            }
        }

        _v4Prefixes = [.. _v4.Keys.Select(k => (int)(k >> 32)).Distinct().OrderDescending()];
        _v6Prefixes = [.. _v6.Keys.Select(k => k.Prefix).Distinct().OrderDescending()];
    }

    public int Count => _v4.Count + _v6.Count;

    /// <summary>The value of the longest network holding <paramref name="address"/>; an IPv4-mapped IPv6 address is looked up as IPv4.</summary>
    public T? Find(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var v4 = V4(address);
            foreach (var prefix in _v4Prefixes)
            {
                if (_v4.TryGetValue(Key4(v4, prefix), out var value))
                {
                    return value;
                }
            }

            return null;
        }

        var v6 = V6(address);
        foreach (var prefix in _v6Prefixes)
        {
            if (_v6.TryGetValue((Mask6(v6, prefix), prefix), out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static ulong Key4(uint address, int prefix) =>
        ((ulong)prefix << 32) | (prefix == 0 ? 0u : address & (uint.MaxValue << (32 - prefix)));

    private static UInt128 Mask6(UInt128 address, int prefix) =>
        prefix == 0 ? UInt128.Zero : address & (UInt128.MaxValue << (128 - prefix));

    private static uint V4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static UInt128 V6(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
