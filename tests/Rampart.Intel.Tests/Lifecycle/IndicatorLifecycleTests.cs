using Rampart.Core.Indicators;
using Rampart.Intel.Lifecycle;

namespace Rampart.Intel.Tests.Lifecycle;

public sealed class IndicatorLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>MISP's polynomial formula, written out here rather than taken from the code under test.</summary>
    private static double Expected(double baseScore, double ageDays, double lifetimeDays, double decaySpeed) =>
        ageDays >= lifetimeDays ? 0 : baseScore * (1 - Math.Pow(ageDays / lifetimeDays, 1 / decaySpeed));

    private static Indicator Make(IndicatorType type, string value, int confidence, DateTimeOffset validFrom, DateTimeOffset? lastSeen = null, int falsePositives = 0, DateTimeOffset? validUntil = null, bool revoked = false) =>
        new("indicator--test", type, value, value, validFrom, validUntil, confidence, "test", null, revoked, validFrom, validFrom, 1, LastSeen: lastSeen, FalsePositives: falsePositives);

    // The documented defaults (README, Intel:Decay): IPs 30 days at speed 1, URLs 60 at 1, domains and
    // addresses 180 at 0.5, hashes 730 at 0.3.
    [Theory]
    [InlineData(IndicatorType.Ipv4, "203.0.113.7", 90, 5.0, 30, 1.0)]
    [InlineData(IndicatorType.Ipv6, "2001:db8::7", 80, 11.5, 30, 1.0)]
    [InlineData(IndicatorType.Cidr, "198.51.100.0/24", 70, 2.0, 30, 1.0)]
    [InlineData(IndicatorType.Url, "http://lure.example/x", 90, 20.0, 60, 1.0)]
    [InlineData(IndicatorType.Domain, "hanrnaii.net", 90, 60.0, 180, 0.5)]
    [InlineData(IndicatorType.Email, "spoof@hanrnaii.net", 75, 100.0, 180, 0.5)]
    [InlineData(IndicatorType.Md5, "d41d8cd98f00b204e9800998ecf8427e", 90, 365.0, 730, 0.3)]
    [InlineData(IndicatorType.Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709", 60, 500.0, 730, 0.3)]
    [InlineData(IndicatorType.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 100, 700.0, 730, 0.3)]
    public void The_score_follows_misps_polynomial_formula_for_each_type(IndicatorType type, string value, int confidence, double ageDays, double lifetimeDays, double decaySpeed)
    {
        var indicator = Make(type, value, confidence, Now - TimeSpan.FromDays(ageDays));

        var standing = IndicatorLifecycle.Default.Assess(indicator, Now);

        Assert.Equal(Expected(confidence, ageDays, lifetimeDays, decaySpeed), standing.Score, 2);
        Assert.Equal(confidence, standing.BaseScore);
        Assert.Equal(standing.Score >= 30 ? IndicatorStatus.Live : IndicatorStatus.Decayed, standing.Status);
    }

    [Fact]
    public void At_the_same_age_an_ip_has_decayed_most_a_domain_less_and_a_hash_least()
    {
        var from = Now - TimeSpan.FromDays(20);
        var ip = IndicatorLifecycle.Default.Assess(Make(IndicatorType.Ipv4, "203.0.113.7", 80, from), Now);
        var domain = IndicatorLifecycle.Default.Assess(Make(IndicatorType.Domain, "hanrnaii.net", 80, from), Now);
        var hash = IndicatorLifecycle.Default.Assess(Make(IndicatorType.Sha256, new string('a', 64), 80, from), Now);

        Assert.True(ip.Score < domain.Score, $"ip {ip.Score} domain {domain.Score}");
        Assert.True(domain.Score < hash.Score, $"domain {domain.Score} hash {hash.Score}");
    }

    [Fact]
    public void An_indicator_past_its_lifetime_scores_zero_and_is_decayed_with_the_formula_in_its_reason()
    {
        var standing = IndicatorLifecycle.Default.Assess(Make(IndicatorType.Ipv4, "203.0.113.7", 100, Now - TimeSpan.FromDays(31)), Now);

        Assert.Equal(0, standing.Score);
        Assert.Equal(IndicatorStatus.Decayed, standing.Status);
        Assert.StartsWith("decayed: score 0 < threshold 30", standing.Why, StringComparison.Ordinal);
        Assert.Contains("ipv4", standing.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sighting_starts_the_decay_over_from_the_base_score()
    {
        var old = Make(IndicatorType.Ipv4, "203.0.113.7", 90, Now - TimeSpan.FromDays(40));
        Assert.Equal(IndicatorStatus.Decayed, IndicatorLifecycle.Default.Assess(old, Now).Status);

        var sighted = old with { LastSeen = Now - TimeSpan.FromDays(3) };
        var standing = IndicatorLifecycle.Default.Assess(sighted, Now);

        Assert.Equal(IndicatorStatus.Live, standing.Status);
        Assert.Equal(Expected(90, 3, 30, 1), standing.Score, 2);
        Assert.Equal(sighted.LastSeen, standing.LastSeen);
        Assert.Equal(sighted.LastSeen!.Value + TimeSpan.FromDays(30 * (1 - (30.0 / 90))), standing.DecaysAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_sighting_older_than_valid_from_does_not_make_the_indicator_older()
    {
        var indicator = Make(IndicatorType.Domain, "hanrnaii.net", 90, Now - TimeSpan.FromDays(2), lastSeen: Now - TimeSpan.FromDays(50));

        Assert.Equal(indicator.ValidFrom, IndicatorLifecycle.Default.Assess(indicator, Now).LastSeen);
    }

    [Fact]
    public void Each_false_positive_sighting_lowers_confidence_and_so_the_score()
    {
        var fresh = Make(IndicatorType.Domain, "hanrnaii.net", 90, Now - TimeSpan.FromDays(10));
        var once = IndicatorLifecycle.Default.Assess(fresh with { FalsePositives = 1 }, Now);
        var thrice = IndicatorLifecycle.Default.Assess(fresh with { FalsePositives = 3 }, Now);

        Assert.Equal(65, once.Confidence);
        Assert.Equal(Expected(65, 10, 180, 0.5), once.Score, 2);
        Assert.Equal(IndicatorStatus.Live, once.Status);
        Assert.Equal(15, thrice.Confidence);
        Assert.Equal(IndicatorStatus.Decayed, thrice.Status);
        Assert.Contains("lowered to 15 by 3 false-positive", thrice.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoked_not_yet_valid_and_expired_say_so_before_decay()
    {
        var lifecycle = IndicatorLifecycle.Default;
        Assert.Equal(IndicatorStatus.Revoked, lifecycle.Assess(Make(IndicatorType.Domain, "a.example", 90, Now.AddDays(-1), revoked: true), Now).Status);
        Assert.Equal(IndicatorStatus.NotYetValid, lifecycle.Assess(Make(IndicatorType.Domain, "a.example", 90, Now.AddDays(1)), Now).Status);
        var expired = lifecycle.Assess(Make(IndicatorType.Domain, "a.example", 90, Now.AddDays(-2), validUntil: Now.AddDays(-1)), Now);
        Assert.Equal(IndicatorStatus.Expired, expired.Status);
        Assert.StartsWith("expired: valid until", expired.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_models_threshold_and_base_score_replace_the_defaults_and_decay_can_be_off()
    {
        var settings = new DecaySettings { Threshold = 50, BaseScore = 80 };
        settings.Types["ipv4"] = new DecayTypeSettings { Lifetime = TimeSpan.FromDays(10), DecaySpeed = 2 };
        var lifecycle = new IndicatorLifecycle(settings);
        var indicator = Make(IndicatorType.Ipv4, "203.0.113.7", 20, Now - TimeSpan.FromDays(3));

        var standing = lifecycle.Assess(indicator, Now);
        Assert.Equal(80, standing.BaseScore);
        Assert.Equal(Expected(80, 3, 10, 2), standing.Score, 2);
        Assert.Equal(IndicatorStatus.Decayed, standing.Status);

        var off = new IndicatorLifecycle(new DecaySettings { Enabled = false }).Assess(Make(IndicatorType.Ipv4, "203.0.113.7", 20, Now - TimeSpan.FromDays(900)), Now);
        Assert.Equal(IndicatorStatus.Live, off.Status);
        Assert.Null(off.DecaysAt);
    }

    [Fact]
    public void A_bad_configuration_is_refused_naming_each_key()
    {
        var settings = new DecaySettings { Threshold = 130 };
        settings.Types["ipv4"] = new DecayTypeSettings { Lifetime = TimeSpan.Zero, DecaySpeed = -1 };
        settings.Types["hostname-ish"] = new DecayTypeSettings { Lifetime = TimeSpan.FromDays(1) };

        var error = Assert.Throws<ArgumentException>(() => new IndicatorLifecycle(settings));
        Assert.Contains("Intel:Decay:Threshold", error.Message, StringComparison.Ordinal);
        Assert.Contains("Intel:Decay:Types:ipv4:Lifetime", error.Message, StringComparison.Ordinal);
        Assert.Contains("Intel:Decay:Types:ipv4:DecaySpeed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Intel:Decay:Types:hostname-ish", error.Message, StringComparison.Ordinal);
    }
}
