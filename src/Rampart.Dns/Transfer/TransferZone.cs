using System.Buffers.Binary;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>
/// An immutable zone a transfer listener serves: its origin, serial and records with the SOA first
/// (an AXFR answer is SOA, every other record, SOA again — RFC 5936 §2.2).
/// </summary>
public sealed class TransferZone
{
    public TransferZone(byte[] origin, IReadOnlyList<TransferRecord> records)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0 || records[0].Type != DnsType.Soa || !records[0].Owner.AsSpan().SequenceEqual(origin) || records[0].Rdata.Length < 22)
        {
            throw new ArgumentException("the first record must be the origin's SOA", nameof(records));
        }

        Origin = origin;
        Records = records;
        Serial = BinaryPrimitives.ReadUInt32BigEndian(records[0].Rdata.AsSpan(records[0].Rdata.Length - 20));
    }

    /// <summary>The zone's name in wire form, lower case.</summary>
    public byte[] Origin { get; }

    public string OriginText => DnsName.ToText(Origin);

    public uint Serial { get; }

    public IReadOnlyList<TransferRecord> Records { get; }

    public TransferRecord Soa => Records[0];

    /// <summary>RFC 1982 serial arithmetic: is <paramref name="serial"/> at least this zone's serial (nothing newer to send)?</summary>
    public bool IsUpToDate(uint serial) => serial == Serial || (int)(serial - Serial) > 0;
}
