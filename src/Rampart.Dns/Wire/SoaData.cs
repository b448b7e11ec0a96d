namespace Rampart.Dns.Wire;

/// <summary>SOA rdata (RFC 1035 §3.3.13) with both names already in uncompressed wire form.</summary>
public readonly record struct SoaData(byte[] PrimaryServer, byte[] Mailbox, uint Serial, uint Refresh, uint Retry, uint Expire, uint Minimum);
