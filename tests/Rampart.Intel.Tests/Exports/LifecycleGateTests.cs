using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Misp;

namespace Rampart.Intel.Tests.Exports;

public sealed class LifecycleGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static Indicator Make(string raw, int confidence = 90, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null, Tlp? tlp = null, bool revoked = false)
    {
        var value = IndicatorValueParser.Parse(raw);
        var from = validFrom ?? Now.AddDays(-1);
        return new Indicator("indicator--" + Guid.NewGuid(), value.Type, value.Value, value.Normalized, from, validUntil, confidence, "test", null, revoked, from, from, 1, tlp);
    }

    // Confidence 10 is below the threshold of 30 from the start; 90 for a day-old domain is far above it.
    private static readonly Indicator Live = Make("live-lure.example");
    private static readonly Indicator Decayed = Make("decayed-lure.example", confidence: 10);
    private static readonly Indicator Expired = Make("expired-lure.example", validUntil: Now.AddHours(-1));
    private static readonly Indicator NotYetValid = Make("future-lure.example", validFrom: Now.AddDays(2));
    private static readonly Indicator Revoked = Make("revoked-lure.example", revoked: true);

    [Fact]
    public async Task Only_live_indicators_pass_and_each_one_left_out_is_counted_by_its_status()
    {
        var gate = new LifecycleGate(IndicatorLifecycle.Default, Now);

        var passed = await gate.PassAsync(new[] { Live, Decayed, Expired, NotYetValid, Revoked }.ToAsyncEnumerable(), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Live], passed);
        Assert.Equal(4, gate.LeftOutTotal);
        Assert.Equal(new Dictionary<string, int> { ["revoked"] = 1, ["not_yet_valid"] = 1, ["expired"] = 1, ["decayed"] = 1 }, gate.LeftOut);
        Assert.Equal("left out as not live: revoked 1, not_yet_valid 1, expired 1, decayed 1", gate.ToString());
    }

    [Fact]
    public void The_next_change_is_the_first_moment_a_seen_indicator_decays_expires_or_starts()
    {
        var expiresSoon = Make("expires-soon.example", validUntil: Now.AddHours(3));
        var gate = new LifecycleGate(IndicatorLifecycle.Default, Now);

        Assert.True(gate.Allows(Live));
        var decaysAt = IndicatorLifecycle.Default.Assess(Live, Now).DecaysAt!.Value;
        Assert.Equal(decaysAt, gate.NextChange);
        Assert.False(gate.Allows(NotYetValid));
        Assert.True(NotYetValid.ValidFrom < decaysAt);
        Assert.Equal(NotYetValid.ValidFrom, gate.NextChange);
        Assert.True(gate.Allows(expiresSoon));
        Assert.Equal(Now.AddHours(3), gate.NextChange);
    }

    [Fact]
    public void The_next_change_is_never_sooner_than_the_granularity_so_exports_are_not_redone_without_pause()
    {
        var gate = new LifecycleGate(IndicatorLifecycle.Default, Now);

        Assert.True(gate.Allows(Make("expires-in-seconds.example", validUntil: Now.AddSeconds(10))));

        Assert.Equal(Now + LifecycleGate.Granularity, gate.NextChange);
    }

    [Fact]
    public void With_decay_off_a_low_confidence_indicator_is_live_and_nothing_changes_by_time()
    {
        var gate = new LifecycleGate(new IndicatorLifecycle(new DecaySettings { Enabled = false }), Now);

        Assert.True(gate.Allows(Decayed));
        Assert.Null(gate.NextChange);
        Assert.Equal("nothing left out as not live", gate.ToString());
    }

    [Fact]
    public async Task A_misp_feed_carries_neither_a_red_nor_a_decayed_nor_an_expired_indicator_and_counts_each()
    {
        var red = Make("red-lure.example", tlp: Tlp.Red);
        var redAndDecayed = Make("red-decayed-lure.example", confidence: 10, tlp: Tlp.Red);
        var folder = Path.Combine(Path.GetTempPath(), "rampart-misp-live-" + Guid.NewGuid().ToString("N"));
        try
        {
            var markings = new MarkingGate(Tlp.AmberStrict);
            var live = new LifecycleGate(IndicatorLifecycle.Default, Now);
            var written = await MispFeedWriter.WriteAsync(
                folder, new[] { Live, Decayed, Expired, red, redAndDecayed }.ToAsyncEnumerable(), markings, live, _ => null, TestContext.Current.CancellationToken);

            var problems = new List<MispProblem>();
            var attributes = MispFeed.Read(folder, problems).SelectMany(e => e.Attributes).Select(a => a.Value).ToList();
            Assert.Empty(problems);
            Assert.Equal(1, written);
            Assert.Equal(["live-lure.example"], attributes);
            // TLP is asked first: a RED indicator is withheld, whatever its standing.
            Assert.Equal(2, markings.RefusedTotal);
            Assert.Equal(new Dictionary<string, int> { ["expired"] = 1, ["decayed"] = 1 }, live.LeftOut);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
