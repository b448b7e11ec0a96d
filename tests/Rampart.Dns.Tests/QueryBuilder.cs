using System.Buffers.Binary;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests;

/// <summary>Builds query messages byte by byte, including the malformed ones the tests need.</summary>
internal sealed class QueryBuilder
{
    private readonly List<byte> _bytes = [];

    public static byte[] Query(string name, ushort type = DnsType.A, ushort @class = DnsClass.In, ushort id = 0x1234, ushort flags = DnsHeaderFlags.RecursionDesired, Edns? edns = null)
    {
        var builder = new QueryBuilder();
        builder.U16(id).U16(flags).U16(1).U16(0).U16(0).U16((ushort)(edns is null ? 0 : 1));
        builder.Name(name).U16(type).U16(@class);
        if (edns is { } e)
        {
            builder.Opt(e);
        }

        return builder.ToArray();
    }

    public QueryBuilder U16(ushort value)
    {
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
        return this;
    }

    public QueryBuilder Bytes(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public QueryBuilder Name(string name)
    {
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            _bytes.Add((byte)label.Length);
            _bytes.AddRange(label.Select(c => (byte)c));
        }

        _bytes.Add(0);
        return this;
    }

    public QueryBuilder Opt(Edns edns)
    {
        _bytes.Add(0);
        U16(DnsType.Opt).U16(edns.UdpSize);
        _bytes.Add(0);
        _bytes.Add(edns.Version);
        U16((ushort)((edns.DnssecOk ? 0x8000 : 0) | edns.Flags));
        var options = edns.Options ?? [];
        U16((ushort)options.Length);
        _bytes.AddRange(options);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    public static byte[] ClientSubnetOption(ushort family, byte prefix, params byte[] address)
    {
        var option = new byte[8 + address.Length];
        BinaryPrimitives.WriteUInt16BigEndian(option, ClientSubnet.OptionCode);
        BinaryPrimitives.WriteUInt16BigEndian(option.AsSpan(2), (ushort)(4 + address.Length));
        BinaryPrimitives.WriteUInt16BigEndian(option.AsSpan(4), family);
        option[6] = prefix;
        address.CopyTo(option, 8);
        return option;
    }
}

internal sealed record Edns(ushort UdpSize = 1232, byte Version = 0, bool DnssecOk = false, ushort Flags = 0, byte[]? Options = null);
