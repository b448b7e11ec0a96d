using Rampart.Cases.Rpz;
using Rampart.Core.Cases;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Storage;
using Rampart.Dns.Transfer;
using Rampart.Dns.Wire;

namespace Rampart.Cases.Tests.Rpz;

/// <summary>An RPZ of indicators is a way out: TLP up to the selection's maximum (never RED), and only indicators still enforced.</summary>
public sealed class RpzMarkingTests
{
    private static readonly RpzZoneOptions Options = new() { Policy = RpzPolicy.Nxdomain };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A clock a test moves by hand.</summary>
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static NewIndicator Domain(string name, int confidence = 90, Tlp? tlp = null, DateTimeOffset? validUntil = null) =>
        new(IndicatorValueParser.Parse(name), "dcu", confidence, ValidUntil: validUntil, Tlp: tlp);

    [Fact]
    public async Task An_indicator_set_holds_what_its_maximum_allows_never_red_nor_decayed_nor_expired_and_counts_each()
    {
        await using var lab = await CaseLab.OpenAsync();
        await lab.Indicators.ImportAsync(
            [
                Domain("green-lure.com", tlp: Tlp.Green),
                Domain("amber-lure.com", tlp: Tlp.Amber),
                Domain("red-lure.com", tlp: Tlp.Red),
                Domain("decayed-lure.com", confidence: 10),
                Domain("expired-lure.com", validUntil: DateTimeOffset.UtcNow.AddDays(-1)),
            ],
            CaseLab.Alice, Ct);

        var amber = await lab.Publisher.ExportAsync(new RpzSelection([], false, IndicatorSource: "dcu", IndicatorTlpMax: Tlp.AmberStrict), Options, CaseLab.Alice, Ct);
        var byDefault = await lab.Publisher.ExportAsync(new RpzSelection([], false, IndicatorSource: "dcu"), Options, CaseLab.Alice, Ct);

        Assert.Equal(["amber-lure.com.rpz.rampart.", "green-lure.com.rpz.rampart."], amber.Zone.Triggers.Where(r => !r.Owner.StartsWith('*')).Select(r => r.Owner));
        Assert.Equal(new Dictionary<string, int> { ["red"] = 1 }, amber.Markings.Refused);
        Assert.Equal(new Dictionary<string, int> { ["expired"] = 1, ["decayed"] = 1 }, amber.Lifecycle.LeftOut);
        Assert.Equal(["green-lure.com.rpz.rampart."], byDefault.Zone.Triggers.Where(r => !r.Owner.StartsWith('*')).Select(r => r.Owner));
        Assert.Equal(new Dictionary<string, int> { ["amber"] = 1, ["red"] = 1 }, byDefault.Markings.Refused);
        Assert.Equal("indicators: held back by TLP (ceiling green): amber 1, red 1; left out as not live: expired 1, decayed 1", byDefault.LeftOut);
    }

    [Fact]
    public async Task A_zone_served_by_transfer_drops_an_indicator_when_it_expires_with_no_store_change()
    {
        await using var lab = await CaseLab.OpenAsync();
        var clock = new Clock(DateTimeOffset.UtcNow.AddMinutes(1));
        await lab.Indicators.ImportAsync([Domain("short-lived.com", validUntil: clock.Now.AddHours(1)), Domain("long-lived.com")], CaseLab.Alice, Ct);
        var publisher = new RpzPublisher(lab.Cases, lab.Indicators, lab.Get<IRpzSerialStore>(), clock);
        var refresher = new RpzTransferRefresher(publisher, lab.Get<IStoreRevision>(), new RpzSelection([], false, IndicatorSource: "dcu"), Options, clock);
        await using var server = new ZoneTransferServer(new ZoneTransferOptions { RequireTsig = false }, clock);

        var first = await refresher.RefreshAsync(server, Ct);
        // The first export records its serial, a store change of its own: the next poll exports once more, the same content.
        await refresher.RefreshAsync(server, Ct);
        var unchanged = await refresher.RefreshAsync(server, Ct);
        clock.Now = clock.Now.AddHours(2);
        var afterExpiry = await refresher.RefreshAsync(server, Ct);

        Assert.NotNull(first);
        Assert.Contains(first.Records, r => NameOf(r).Contains("short-lived", StringComparison.Ordinal));
        Assert.Null(unchanged);
        Assert.NotNull(afterExpiry);
        Assert.DoesNotContain(afterExpiry.Records, r => NameOf(r).Contains("short-lived", StringComparison.Ordinal));
        Assert.Contains(afterExpiry.Records, r => NameOf(r).Contains("long-lived", StringComparison.Ordinal));
        Assert.NotEqual(first.Serial, afterExpiry.Serial);
    }

    private static string NameOf(TransferRecord record) => DnsName.ToText(record.Owner);
}
