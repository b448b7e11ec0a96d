namespace Rampart.Dns.Sinkhole;

/// <summary>A zone ready for answering: addresses packed as the wire wants them.</summary>
internal sealed record CompiledZone(string Apex, string? CaseId, byte[] CaseIdUtf8, byte[] IPv4, byte[] IPv6)
{
    public int IPv4Count => IPv4.Length / 4;

    public int IPv6Count => IPv6.Length / 16;
}
