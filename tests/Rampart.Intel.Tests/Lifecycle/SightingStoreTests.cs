using Rampart.Core.Indicators;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Tests.Stix;

namespace Rampart.Intel.Tests.Lifecycle;

public sealed class SightingStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_sighting_revives_a_decayed_indicator_and_a_re_import_keeps_it()
    {
        await using var store = await IntelStore.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var batch = new[] { new NewIndicator(IndicatorValueParser.Parse("203.0.113.77"), "feed", 80, ValidFrom: now.AddDays(-45)) };
        await store.Indicators.ImportAsync(batch, IntelStore.Analyst, Ct);
        var stored = (await store.Indicators.ListAsync(new IndicatorQuery(Source: "feed"), Ct)).Items.Single();
        Assert.Equal(IndicatorStatus.Decayed, IndicatorLifecycle.Default.Assess(stored, now).Status);
        var revision = await store.Revision.CurrentAsync(Ct);

        var sighted = await store.Sightings.RecordAsync(stored.Id, now.AddHours(-1), falsePositive: false, "soc", IntelStore.Analyst, Ct);

        Assert.NotNull(sighted);
        Assert.Equal(now.AddHours(-1).ToUnixTimeMilliseconds(), sighted.LastSeen!.Value.ToUnixTimeMilliseconds());
        Assert.True(sighted.Revision > revision, "a sighting advances the revision so every index picks it up");
        Assert.Equal(IndicatorStatus.Live, IndicatorLifecycle.Default.Assess(sighted, now).Status);

        // An older sighting never moves last-seen back.
        var older = await store.Sightings.RecordAsync(stored.Id, now.AddDays(-10), falsePositive: false, "soc", IntelStore.Analyst, Ct);
        Assert.Equal(sighted.LastSeen, older!.LastSeen);

        await store.Indicators.ImportAsync(batch, IntelStore.Analyst, Ct);
        Assert.Equal(sighted.LastSeen, (await store.Indicators.GetAsync(stored.Id, Ct))!.LastSeen);
    }

    [Fact]
    public async Task A_false_positive_sighting_is_counted_and_lowers_confidence_not_the_stored_one()
    {
        await using var store = await IntelStore.CreateAsync();
        await store.Indicators.ImportAsync([new NewIndicator(IndicatorValueParser.Parse("cdn-edge.example"), "feed", 60)], IntelStore.Analyst, Ct);
        var stored = (await store.Indicators.ListAsync(new IndicatorQuery(Source: "feed"), Ct)).Items.Single();
        // After the import: the indicator is valid from its import time, and assessed before it, it is not yet valid.
        var now = DateTimeOffset.UtcNow;

        var afterOne = await store.Sightings.RecordAsync(stored.Id, now, falsePositive: true, "soc", IntelStore.Analyst, Ct);
        var afterTwo = await store.Sightings.RecordAsync(stored.Id, now, falsePositive: true, "soc", IntelStore.Analyst, Ct);

        Assert.Equal(1, afterOne!.FalsePositives);
        Assert.Equal(2, afterTwo!.FalsePositives);
        Assert.Equal(60, afterTwo.Confidence);
        Assert.Null(afterTwo.LastSeen);
        var standing = IndicatorLifecycle.Default.Assess(afterTwo, now);
        Assert.Equal(10, standing.Confidence);
        Assert.Equal(IndicatorStatus.Decayed, standing.Status);
        Assert.Null(await store.Sightings.RecordAsync("indicator--missing", now, falsePositive: true, "soc", IntelStore.Analyst, Ct));
    }
}
