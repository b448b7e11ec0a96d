using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using Rampart.Detection.Lookalikes;
using Rampart.Detection.Verdicts;

namespace Rampart.Detection.Tests.Lookalikes;

public sealed class LookalikeVerdictContributorTests
{
    private static readonly SnapshotVerdictEngine Engine = new(new LookalikeVerdictContributor());

    [Theory]
    [InlineData("hotrnall.com")]
    [InlineData("https://login.microsoft.com.evil.net/owa/")]
    [InlineData("victim@hanrnaii.net")]
    public void A_lookalike_makes_an_unknown_value_suspicious_with_its_reasons(string value)
    {
        var verdict = Engine.Check(value);
        Assert.Equal(Disposition.Suspicious, verdict.Disposition);
        Assert.True(verdict.Score >= 40);
        Assert.Contains(verdict.Reasons, r => r.Contains("imitat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("login.microsoftonline.com")]
    [InlineData("https://outlook.office365.com/mail/")]
    [InlineData("example.com")]
    public void Brand_own_and_ordinary_names_stay_unknown(string value) =>
        Assert.Equal(Disposition.Unknown, Engine.Check(value).Disposition);

    [Fact]
    public void A_known_indicator_stays_malicious_and_gains_the_lookalike_reasons()
    {
        var now = DateTimeOffset.UtcNow;
        var engine = new SnapshotVerdictEngine(new LookalikeVerdictContributor());
        engine.Replace(IndicatorSnapshot.Build(
            [new Indicator("indicator--1", IndicatorType.Domain, "hotrnall.com", "hotrnall.com", now, null, 90, "test", null, false, now, now, 1)], _ => null, 1));
        var verdict = engine.Check("hotrnall.com");
        Assert.Equal(Disposition.Malicious, verdict.Disposition);
        Assert.True(verdict.Reasons.Count >= 2);
    }
}
