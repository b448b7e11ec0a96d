using Rampart.Core.Sinkhole;
using Rampart.Dns.Victims;

namespace Rampart.Dns.Tests.Victims;

public sealed class VictimReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static readonly VictimAttributor Attributor = VictimAttributor.Build(
    [
        new("asn", VictimTableKind.Asn, new("192.0.0.0/16", "BIG-TRANSIT", 64496, "NL")),
        new("asn", VictimTableKind.Asn, new("2001:db8::/32", null, 64497, null)),
        new("orgs", VictimTableKind.Organizations, new("192.0.2.0/24", "Think Tank A", null, "US")),
        new("orgs", VictimTableKind.Organizations, new("192.0.2.128/25", "Think Tank A, Berlin office", 64500, "DE")),
        new("orgs", VictimTableKind.Organizations, new("2001:db8:1::/48", "University B", 64501, null)),
    ]);

    private static SourceActivity Activity(string source, string name, int firstHour, int lastHour, long hits) =>
        new(source, name, T0.AddHours(firstHour), T0.AddHours(lastHour), hits);

    [Theory]
    [InlineData("192.0.2.200", "Think Tank A, Berlin office", 64500L, "DE")]
    [InlineData("192.0.2.5", "Think Tank A", 64496L, "US")]
    [InlineData("192.0.9.1", "AS64496 BIG-TRANSIT", 64496L, "NL")]
    [InlineData("2001:db8:1::9", "University B", 64501L, null)]
    [InlineData("2001:db8:2::9", "AS64497", 64497L, null)]
    [InlineData("203.0.113.5", null, null, null)]
    [InlineData("not an address", null, null, null)]
    public void A_source_takes_the_longest_organization_network_and_falls_back_to_its_AS(string source, string? organization, long? asn, string? country)
    {
        var attribution = Attributor.Attribute(source);

        Assert.Equal((organization, asn, country), (attribution.Organization, attribution.Asn, attribution.Country));
    }

    [Fact]
    public void Victims_are_grouped_per_organization_with_first_and_last_seen_counts_sources_and_names()
    {
        var report = VictimReport.Build(
        [
            Activity("192.0.2.5", "login.hanrnaii.net", 0, 5, 10),
            Activity("192.0.2.5", "mail.hanrnaii.net", 2, 3, 2),
            Activity("192.0.2.6", "login.hanrnaii.net", 1, 9, 3),
            Activity("2001:db8:1::9", "hotrnall.com", 4, 4, 1),
            Activity("203.0.113.5", "login.hanrnaii.net", 0, 0, 50),
        ], Attributor);

        Assert.Equal(["Think Tank A", "University B", null], report.Select(o => o.Organization));
        var tank = report[0];
        Assert.Equal((T0, T0.AddHours(9), 15L), (tank.FirstSeen, tank.LastSeen, tank.Hits));
        Assert.Equal(["192.0.2.5", "192.0.2.6"], tank.Sources.Select(s => s.SourceIp));
        Assert.Equal(["login.hanrnaii.net", "mail.hanrnaii.net"], tank.Domains);
        Assert.Equal(new VictimDomain("mail.hanrnaii.net", T0.AddHours(2), T0.AddHours(3), 2), tank.Sources[0].Domains[1]);
        Assert.Equal(50, report[2].Hits);
    }

    [Fact]
    public void The_CSV_export_uses_Shadowserver_names_and_neutralises_hostile_names()
    {
        var report = VictimReport.Build(
        [
            Activity("192.0.2.5", "=cmd|' /C calc'!A0", 0, 1, 2),
            Activity("192.0.2.5", "-2+3,\"x\"", 0, 0, 1),
        ], Attributor);

        var lines = VictimCsv.Lines("case-1", report).ToList();

        Assert.StartsWith("timestamp,src_ip,src_asn,src_geo,", VictimCsv.Header, StringComparison.Ordinal);
        Assert.Equal("2026-11-20 08:00:00,192.0.2.5,64496,US,Think Tank A,\"'-2+3,\"\"x\"\"\",2026-11-20 08:00:00,2026-11-20 08:00:00,1,case-1\r\n", lines[0]);
        Assert.Equal("2026-11-20 09:00:00,192.0.2.5,64496,US,Think Tank A,'=cmd|' /C calc'!A0,2026-11-20 08:00:00,2026-11-20 09:00:00,2,case-1\r\n", lines[1]);
    }
}
