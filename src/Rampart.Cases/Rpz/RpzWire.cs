using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using Rampart.Dns.Transfer;
using Rampart.Dns.Wire;

namespace Rampart.Cases.Rpz;

/// <summary>An <see cref="RpzZone"/> in wire form for the transfer listener: the same records the zone file holds, in the same order.</summary>
public static class RpzWire
{
    public static TransferZone ToTransferZone(RpzZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var records = zone.Records.Select(Record).ToList();
        return new TransferZone(Name(zone.Origin), records);
    }

    private static TransferRecord Record(RpzRecord record)
    {
        var ttl = (uint)record.Ttl;
        var owner = Name(record.Owner);
        return record.Type switch
        {
            "A" or "AAAA" => new TransferRecord(owner, record.Type == "A" ? DnsType.A : DnsType.Aaaa, ttl, IPAddress.Parse(record.Rdata).GetAddressBytes()),
            "CNAME" => new TransferRecord(owner, DnsType.Cname, ttl, Name(record.Rdata)),
            "NS" => new TransferRecord(owner, DnsType.Ns, ttl, Name(record.Rdata)),
            "SOA" => new TransferRecord(owner, DnsType.Soa, ttl, Soa(record.Rdata)),
            _ => throw new ArgumentException($"RPZ record type {record.Type} has no wire form here", nameof(record)),
        };
    }

    /// <summary>"mname rname serial refresh retry expire minimum" → RDATA.</summary>
    private static byte[] Soa(string rdata)
    {
        var fields = rdata.Split(' ');
        var names = Name(fields[0]).Concat(Name(fields[1])).ToArray();
        var soa = new byte[names.Length + 20];
        names.CopyTo(soa, 0);
        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(soa.AsSpan(names.Length + (i * 4)), uint.Parse(fields[2 + i], CultureInfo.InvariantCulture));
        }

        return soa;
    }

    private static byte[] Name(string text) =>
        TransferNames.TryEncode(text, out var wire, out var error) ? wire : throw new ArgumentException($"'{text}': {error}", nameof(text));
}
