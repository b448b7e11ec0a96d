namespace Rampart.Dns.Wire;

/// <summary>The record types the sinkhole answers or refuses by number (RFC 1035, 3596, 6891, 1995, 5936).</summary>
public static class DnsType
{
    public const ushort A = 1;
    public const ushort Ns = 2;
    public const ushort Cname = 5;
    public const ushort Soa = 6;
    public const ushort Txt = 16;
    public const ushort Aaaa = 28;
    public const ushort Opt = 41;
    public const ushort Tsig = 250;
    public const ushort Ixfr = 251;
    public const ushort Axfr = 252;
    public const ushort Any = 255;
}
