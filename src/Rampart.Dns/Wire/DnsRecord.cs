namespace Rampart.Dns.Wire;

/// <summary>A resource record as read by <see cref="DnsMessage.TryRead"/>; the owner in presentation form.</summary>
public sealed record DnsRecord(string Owner, ushort Type, ushort Class, uint Ttl, byte[] Data);
