using Rampart.Dns.Wire;

namespace Rampart.Dns.Sinkhole;

/// <summary>What the responder decided about one message: the facts a hit record keeps.</summary>
internal struct SinkholeAnswer
{
    public DnsQueryStatus Status;
    public DnsParseError Error;
    public DnsQuery Query;
    public DnsRcode Rcode;
    public byte AnswerCount;
    public bool Truncated;

    /// <summary>The zone answered for, or null when refused or malformed.</summary>
    public CompiledZone? Zone;
}
