using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// A client address as a value, without an <see cref="IPAddress"/>: what the footholds tally keys
/// every record by (its address's bytes, family and scope). The common case, an IPv4 address with or
/// without a port written plainly, is read straight from the record's UTF-8 bytes
/// (<see cref="TryParseIPv4"/>); anything else goes through <see cref="ClientAddress.Parse"/>.
/// </summary>
internal readonly record struct ClientAddressKey(UInt128 Bytes, long ScopeId, AddressFamily Family)
{
    public static ClientAddressKey None => default;

    public bool IsNone => Family == AddressFamily.Unspecified;

    /// <summary>An IPv4 address from its number (the first byte lowest, as <see cref="IPAddress.TryWriteBytes"/> writes it).</summary>
    public static ClientAddressKey IPv4(uint address) => new(address, 0, AddressFamily.InterNetwork);

    /// <summary>The key of <paramref name="address"/>; <see cref="None"/> for none.</summary>
    public static ClientAddressKey Of(IPAddress? address)
    {
        if (address is null)
        {
            return None;
        }

        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        address.TryWriteBytes(bytes, out _);
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        return new ClientAddressKey(MemoryMarshal.Read<UInt128>(bytes), v6 ? address.ScopeId : 0, address.AddressFamily);
    }

    /// <summary>The address's bytes (4 for IPv4, 16 for IPv6) into <paramref name="destination"/> (16 bytes or more); how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int WriteBytes(Span<byte> destination)
    {
        MemoryMarshal.Write(destination, Bytes);
        return Family == AddressFamily.InterNetworkV6 ? 16 : 4;
    }

    public IPAddress? ToAddress()
    {
        if (IsNone)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        MemoryMarshal.Write(bytes, Bytes);
        return Family == AddressFamily.InterNetworkV6 ? new IPAddress(bytes, ScopeId) : new IPAddress(bytes[..4]);
    }

    /// <summary>
    /// Reads <c>a.b.c.d</c> or <c>a.b.c.d:port</c> exactly as written (decimal parts of 0–255 without
    /// leading zeros, a port of 1–5 digits up to 65535, nothing around them). False for anything else,
    /// which the caller then reads with <see cref="ClientAddress.Parse"/>: what this accepts, that reads
    /// as the same address (a property test holds the two together).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseIPv4(ReadOnlySpan<byte> text, out ClientAddressKey key)
    {
        key = None;
        uint address = 0;
        var i = 0;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= text.Length || text[i] != (byte)'.')
                {
                    return false;
                }

                i++;
            }

            var start = i;
            uint value = 0;
            while (i < text.Length && i - start < 3 && (uint)(text[i] - '0') <= 9)
            {
                value = (value * 10) + (uint)(text[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == (byte)'0'))
            {
                return false;
            }

            address |= value << (8 * part);
        }

        if (i < text.Length)
        {
            var port = text[(i + 1)..];
            if (text[i] != (byte)':' || port.Length is 0 or > 5)
            {
                return false;
            }

            uint number = 0;
            foreach (var b in port)
            {
                if ((uint)(b - '0') > 9)
                {
                    return false;
                }

                number = (number * 10) + (uint)(b - '0');
            }

            if (number > ushort.MaxValue)
            {
                return false;
            }
        }

        key = IPv4(address);
        return true;
    }
}
