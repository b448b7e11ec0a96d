using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// Reads the peer's address and port straight out of a <see cref="SocketAddress"/> (the native
/// sockaddr), so no <see cref="IPEndPoint"/> is allocated per packet. IPv4-mapped IPv6 addresses
/// come out as IPv4.
/// </summary>
internal static class SourceAddress
{
    public static int Read(SocketAddress address, Span<byte> destination, out ushort port)
    {
        var raw = address.Buffer.Span;
        port = BinaryPrimitives.ReadUInt16BigEndian(raw[2..]);
        if (address.Family == AddressFamily.InterNetwork)
        {
            raw.Slice(4, 4).CopyTo(destination);
            return 4;
        }

        var v6 = raw.Slice(8, 16);
        if (v6[..10].IndexOfAnyExcept((byte)0) < 0 && v6[10] == 0xFF && v6[11] == 0xFF)
        {
            v6[12..].CopyTo(destination);
            return 4;
        }

        v6.CopyTo(destination);
        return 16;
    }

    public static int Read(IPEndPoint endPoint, Span<byte> destination, out ushort port)
    {
        port = (ushort)endPoint.Port;
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        address.TryWriteBytes(destination, out var written);
        return written;
    }
}
