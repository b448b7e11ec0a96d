namespace Rampart.Dns.Transfer;

/// <summary>One record of a zone to transfer, already in wire form (owner uncompressed, lower case).</summary>
public sealed record TransferRecord(byte[] Owner, ushort Type, uint Ttl, byte[] Rdata)
{
    /// <summary>Bytes this record takes in a message: owner, type, class, TTL, length, RDATA.</summary>
    public int WireLength => Owner.Length + 10 + Rdata.Length;
}
