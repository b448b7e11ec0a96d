namespace Rampart.Dns.Spool;

/// <summary>One record read back from the spool.</summary>
public sealed record SpoolEntry(long Sequence, byte[] Payload);
