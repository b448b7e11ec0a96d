using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using Rampart.Detection.Lookalikes;
using Rampart.Detection.Verdicts;
using static Rampart.Detection.Tests.Fixtures;

namespace Rampart.Detection.Tests.Lookalikes;

public sealed class LookalikeVerdictContributorTests
{
    private static readonly LookalikeVerdictContributor Lookalikes = new();

    private static IndexVerdictEngine EngineWithLookalikes(params Indicator[] indicators)
    {
        var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords(indicators, ActorName, TimeProvider.System), Lookalikes);
        engine.Replace(IndicatorView.Of(Index(indicators, revision: 1)));
        return engine;
    }

    [Theory]
    [InlineData("hotrnall.com")]
    [InlineData("https://login.microsoft.com.evil.net/owa/")]
    [InlineData("victim@hanrnaii.net")]
    public async Task A_lookalike_makes_an_unknown_value_suspicious_with_its_located_reasons(string value)
    {
        var verdict = await EngineWithLookalikes().CheckAsync(value, TestContext.Current.CancellationToken);

        Assert.Equal(Disposition.Suspicious, verdict.Disposition);
        Assert.True(verdict.Score >= 40);
        var reason = verdict.Reasons.First(r => r.Code.StartsWith("lookalike-", StringComparison.Ordinal));
        Assert.NotNull(reason.Evidence);
        Assert.InRange(reason.Start!.Value, 0, reason.Evidence.Length - 1);
        Assert.InRange(reason.Start.Value + reason.Length!.Value, 1, reason.Evidence.Length);
        Assert.DoesNotContain(verdict.Reasons, r => r.Code == VerdictReason.Codes.NoMatch);
    }

    [Theory]
    [InlineData("login.microsoftonline.com", "microsoftonline.com")]
    [InlineData("https://outlook.office365.com/mail/", "office365.com")]
    [InlineData("outlook.office365.com.edgekey.net", "edgekey.net")]
    public async Task A_brands_own_name_is_allowlisted_with_the_entry_as_its_reason(string value, string entry)
    {
        var verdict = await EngineWithLookalikes().CheckAsync(value, TestContext.Current.CancellationToken);
        Assert.Equal(Disposition.Allowlisted, verdict.Disposition);
        var reason = Assert.Single(verdict.Reasons, r => r.Code == VerdictReason.Codes.Allowlisted);
        Assert.Contains($"under {entry}", reason.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(verdict.Reasons, r => r.Code == VerdictReason.Codes.NoMatch);
    }

    [Fact]
    public async Task An_ordinary_unlisted_name_stays_clean() =>
        Assert.Equal(Disposition.Clean, (await EngineWithLookalikes().CheckAsync("modern-journal.org", TestContext.Current.CancellationToken)).Disposition);

    [Fact]
    public async Task An_indicator_on_an_allowlisted_name_still_makes_it_malicious() =>
        Assert.Equal(Disposition.Malicious, (await EngineWithLookalikes(Indicator("login.microsoftonline.com")).CheckAsync("login.microsoftonline.com", TestContext.Current.CancellationToken)).Disposition);

    [Fact]
    public async Task A_known_indicator_stays_malicious_and_gains_the_lookalike_reasons()
    {
        var verdict = await EngineWithLookalikes(Indicator("hotrnall.com", confidence: 90)).CheckAsync("hotrnall.com", TestContext.Current.CancellationToken);

        Assert.Equal(Disposition.Malicious, verdict.Disposition);
        Assert.Equal(90, verdict.Score);
        Assert.Contains(verdict.Reasons, r => r.Code == VerdictReason.Codes.Indicator);
        Assert.Contains(verdict.Reasons, r => r.Code.StartsWith("lookalike-", StringComparison.Ordinal));
    }

    [Fact]
    public void Technique_codes_are_kebab_case() =>
        Assert.Equal("lookalike-brand-as-subdomain", LookalikeVerdictContributor.Code(LookalikeTechnique.BrandAsSubdomain));
}
