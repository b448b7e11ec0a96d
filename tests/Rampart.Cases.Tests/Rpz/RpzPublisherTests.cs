using System.Net;
using Rampart.Cases.Rpz;
using Rampart.Core.Cases;

namespace Rampart.Cases.Tests.Rpz;

public sealed class RpzPublisherTests
{
    private static readonly RpzZoneOptions Options = new() { SinkholeAddresses = [IPAddress.Parse("192.0.2.53"), IPAddress.Parse("2001:db8::53")] };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_draft_or_filed_case_never_appears_and_naming_one_refuses_the_export()
    {
        await using var lab = await CaseLab.OpenAsync();
        var draft = await lab.CaseAsync("sealed", CaseStatus.Draft, "sealed-lure.com");
        var filed = await lab.CaseAsync("filed", CaseStatus.Filed, "filed-lure.com");
        var seized = await lab.CaseAsync("seized", CaseStatus.Seized, "hotrnall.com");
        var sinkholed = await lab.CaseAsync("sinkholed", CaseStatus.Sinkholed, "hanrnaii.net");

        var export = await lab.Publisher.ExportAsync(RpzSelection.Default, Options, CaseLab.Alice, Ct);
        var zoneFile = export.Zone.ToZoneFile();

        Assert.Equal([seized.Id, sinkholed.Id], export.Cases.Order(StringComparer.Ordinal));
        Assert.Contains("hotrnall.com.rpz.rampart. 300 IN A 192.0.2.53", zoneFile, StringComparison.Ordinal);
        Assert.Contains("*.hanrnaii.net.rpz.rampart. 300 IN AAAA 2001:db8::53", zoneFile, StringComparison.Ordinal);
        Assert.DoesNotContain("sealed-lure", zoneFile, StringComparison.Ordinal);
        Assert.DoesNotContain("filed-lure", zoneFile, StringComparison.Ordinal);
        foreach (var hidden in new[] { draft.Id, filed.Id })
        {
            var refused = await Assert.ThrowsAsync<RpzRefusedException>(() => lab.Publisher.ExportAsync(new RpzSelection([hidden], false), Options, CaseLab.Alice, Ct));
            Assert.Contains("only seized or sinkholed cases are published", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_serial_stays_for_the_same_content_and_is_bumped_on_every_change()
    {
        await using var lab = await CaseLab.OpenAsync();
        var seized = await lab.CaseAsync("seized", CaseStatus.Seized, "hotrnall.com");

        var first = await lab.Publisher.ExportAsync(RpzSelection.Default, Options, CaseLab.Alice, Ct);
        var again = await lab.Publisher.ExportAsync(RpzSelection.Default, Options, CaseLab.Alice, Ct);
        await lab.Service.AddDomainsAsync(seized.Id, ["hanrnaii.net"], "by hand", CaseLab.Alice, Ct);
        var added = await lab.Publisher.ExportAsync(RpzSelection.Default, Options, CaseLab.Alice, Ct);
        await lab.Cases.SetStatusAsync(seized.Id, CaseStatus.Sinkholed, null, CaseLab.Alice, Ct);
        await lab.Cases.SetStatusAsync(seized.Id, CaseStatus.Released, null, CaseLab.Alice, Ct);
        var released = await lab.Publisher.ExportAsync(RpzSelection.Default, Options, CaseLab.Alice, Ct);

        Assert.Equal(first.Zone.ToZoneFile(), again.Zone.ToZoneFile());
        Assert.True(added.Zone.Serial > first.Zone.Serial);
        Assert.True(released.Zone.Serial > added.Zone.Serial);
        Assert.Empty(released.Zone.Triggers);
        Assert.StartsWith($"rpz.rampart. 300 IN SOA localhost. hostmaster.rampart.invalid. {added.Zone.Serial} ", added.Zone.Soa.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicitly_chosen_indicator_set_is_published_live_domains_only()
    {
        await using var lab = await CaseLab.OpenAsync();
        await lab.Indicators.ImportAsync(
            [
                new(Core.Indicators.IndicatorValueParser.Parse("live-lure.com"), "dcu", 90, null, null, null),
                new(Core.Indicators.IndicatorValueParser.Parse("expired-lure.com"), "dcu", 90, null, null, DateTimeOffset.UtcNow.AddDays(-1)),
                new(Core.Indicators.IndicatorValueParser.Parse("other-feed.com"), "feed-b", 90, null, null, null),
            ],
            CaseLab.Alice, Ct);

        var export = await lab.Publisher.ExportAsync(new RpzSelection([], false, IndicatorSource: "dcu"), Options with { Policy = RpzPolicy.Nodata }, CaseLab.Alice, Ct);

        Assert.Equal(
            ["live-lure.com.rpz.rampart. 300 IN CNAME *.", "*.live-lure.com.rpz.rampart. 300 IN CNAME *."],
            export.Zone.Triggers.Select(r => r.ToLine()));
    }
}
