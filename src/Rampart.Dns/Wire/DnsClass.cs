namespace Rampart.Dns.Wire;

/// <summary>Query classes; the sinkhole serves IN only and refuses the rest.</summary>
public static class DnsClass
{
    public const ushort In = 1;
    public const ushort Chaos = 3;
    public const ushort Any = 255;
}
