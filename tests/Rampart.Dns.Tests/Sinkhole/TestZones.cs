using System.Net;
using Rampart.Dns.Sinkhole;

namespace Rampart.Dns.Tests.Sinkhole;

internal static class TestZones
{
    public static SinkholeZoneSet Create(params IPAddress[] addresses) => SinkholeZoneSet.Create(
        [
            new SinkholeZone("hanrnaii.net", "case-1", []),
            new SinkholeZone("evil.example", "case-2", addresses.Length > 0 ? addresses : [IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::1")]),
        ],
        SinkholeZoneSettings.Default with { Addresses = [IPAddress.Parse("192.0.2.53")], Serial = 2026112901 },
        out _);
}
