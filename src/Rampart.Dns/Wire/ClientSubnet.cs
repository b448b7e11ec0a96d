using System.Net;
using System.Runtime.CompilerServices;

namespace Rampart.Dns.Wire;

/// <summary>
/// The EDNS client-subnet option of a query (RFC 7871 §6): family 1 (IPv4) or 2 (IPv6), the source
/// prefix length and the address bytes the client sent (at most 16; the rest are zero).
/// </summary>
public readonly struct ClientSubnet
{
    /// <summary>EDNS option code of client subnet.</summary>
    public const ushort OptionCode = 8;

    private readonly AddressBytes _address;

    public ClientSubnet(ushort family, byte sourcePrefixLength, byte scopePrefixLength, ReadOnlySpan<byte> address)
    {
        Family = family;
        SourcePrefixLength = sourcePrefixLength;
        ScopePrefixLength = scopePrefixLength;
        AddressLength = (byte)address.Length;
        address.CopyTo(_address);
    }

    public ushort Family { get; }

    public byte SourcePrefixLength { get; }

    public byte ScopePrefixLength { get; }

    /// <summary>How many address bytes the option carried: ceil(source prefix / 8).</summary>
    public byte AddressLength { get; }

    /// <summary>Copies the address bytes as sent, <see cref="AddressLength"/> of them.</summary>
    public int CopyAddressTo(Span<byte> destination)
    {
        ReadOnlySpan<byte> address = _address;
        address[..AddressLength].CopyTo(destination);
        return AddressLength;
    }

    /// <summary>"192.0.2.0/24" or "2001:db8::/56": the network the client said it asks for.</summary>
    public override string ToString()
    {
        Span<byte> full = stackalloc byte[Family == 1 ? 4 : 16];
        full.Clear();
        CopyAddressTo(full);
        return $"{new IPAddress(full)}/{SourcePrefixLength}";
    }

    [InlineArray(16)]
    private struct AddressBytes
    {
        private byte _element;
    }
}
