using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using static Rampart.Detection.Tests.Fixtures;

namespace Rampart.Detection.Tests;

public sealed class IndexVerdictEngineTests
{
    private static readonly IndexVerdictEngine Engine = Fixtures.Engine(
        Indicator("evil.com", "actor-1"),
        Indicator("hxxp://phish.example/login/", null),
        Indicator("http://lure.example/a/b.html?id=7", null),
        Indicator("198.51.100.0/24", "actor-1"),
        Indicator("2001:db8:bad::/48", null),
        Indicator("203.0.113.5", null),
        Indicator("2001:db8::66", null),
        Indicator("boss@hanrnaii.net", "actor-1"),
        Indicator("hotrnall.com", null),
        Indicator("44d88612fea8a8f36de82e1278abb02f", null),
        Indicator("da39a3ee5e6b4b0d3255bfef95601890afd80709", null),
        Indicator("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", null));

    [Theory]
    [InlineData("evil.com", "exact")]
    [InlineData("EVIL.COM.", "exact")]
    [InlineData("a.b.evil.com", "parent-domain")]
    [InlineData("hxxps://login.evil[.]com/x", "parent-domain")]
    [InlineData("https://evil.com/", "url-host")]
    [InlineData("https://microsoft.com@evil.com/", "url-host")]
    [InlineData("hxxp://phish[.]example/login/", "exact")]
    [InlineData("http://phish.example/login/step2.php?u=1", "url-prefix")]
    [InlineData("http://www.phish.example/login/", "url-prefix")]
    [InlineData("http://phish.example/./login//x/../", "exact")]
    [InlineData("http://PHISH.example:80/%6Cogin/", "exact")]
    [InlineData("https://lure.example/a/b.html?id=7#frag", "exact")]
    [InlineData("198.51.100.77", "cidr")]
    [InlineData("http://198.51.100.9/x", "cidr")]
    [InlineData("http://3325256713/x", "cidr")]
    [InlineData("203.0.113.5", "exact")]
    [InlineData("http://0xCB.0x00.0x71.0x05/", "url-host")]
    [InlineData("2001:db8:bad:1::9", "cidr")]
    [InlineData("2001:db8::66", "exact")]
    [InlineData("boss@hanrnaii.net", "exact")]
    [InlineData("someone@mail.hotrnall.com", "email-domain")]
    [InlineData("44D88612FEA8A8F36DE82E1278ABB02F", "exact")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709", "exact")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "exact")]
    public async Task Matches_a_value_and_says_how(string value, string how)
    {
        var verdict = await Engine.CheckAsync(value, TestContext.Current.CancellationToken);

        Assert.Equal(Disposition.Malicious, verdict.Disposition);
        Assert.Contains(verdict.Matches, m => m.How == how);
        Assert.Contains(verdict.Reasons, r => r.Code == VerdictReason.Codes.Indicator && r.Evidence is not null);
    }

    [Theory]
    [InlineData("notevil.com")]
    [InlineData("evil.com.example.org")]
    [InlineData("evil.co")]
    [InlineData("198.51.101.1")]
    [InlineData("203.0.113.6")]
    [InlineData("2001:db8:bae::1")]
    [InlineData("http://phish.example/other")]
    [InlineData("http://phish.example/login")]
    [InlineData("http://lure.example/a/b.html?id=8")]
    [InlineData("other@hanrnaii.org")]
    [InlineData("44d88612fea8a8f36de82e1278abb02e")]
    public async Task Does_not_match_neighbours(string value)
    {
        var verdict = await Engine.CheckAsync(value, TestContext.Current.CancellationToken);

        Assert.NotEqual(Disposition.Malicious, verdict.Disposition);
        Assert.Empty(verdict.Matches);
    }

    [Fact]
    public async Task A_match_names_indicator_source_and_actor_in_its_reason()
    {
        var verdict = await Engine.CheckAsync("x.evil.com", TestContext.Current.CancellationToken);

        var match = Assert.Single(verdict.Matches);
        Assert.StartsWith("indicator--", match.IndicatorId, StringComparison.Ordinal);
        Assert.Equal("evil.com", match.Value);
        Assert.Equal("actor-1", match.ActorId);
        Assert.Equal("Name of actor-1", match.ActorName);
        var reason = Assert.Single(verdict.Reasons);
        Assert.Contains("evil.com", reason.Text, StringComparison.Ordinal);
        Assert.Contains("source test", reason.Text, StringComparison.Ordinal);
        Assert.Contains("attributed to Name of actor-1", reason.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://192.0.2.10/login.php", VerdictReason.Codes.BareIpUrl)]
    [InlineData("https://[2001:db8::1]/x", VerdictReason.Codes.BareIpUrl)]
    [InlineData("https://bit.ly/3xYz", VerdictReason.Codes.UrlShortener)]
    [InlineData("hxxps://tinyurl[.]com/abc", VerdictReason.Codes.UrlShortener)]
    public async Task Bare_ip_urls_and_shorteners_are_suspicious_with_their_own_reason(string value, string code)
    {
        var verdict = await Engine.CheckAsync(value, TestContext.Current.CancellationToken);

        Assert.Equal(Disposition.Suspicious, verdict.Disposition);
        Assert.InRange(verdict.Score, 1, 99);
        Assert.Contains(verdict.Reasons, r => r.Code == code && !string.IsNullOrEmpty(r.Evidence));
    }

    [Fact]
    public async Task A_clean_value_says_nothing_matched()
    {
        var verdict = await Engine.CheckAsync("example.org", TestContext.Current.CancellationToken);

        Assert.Equal(Disposition.Clean, verdict.Disposition);
        Assert.Equal(0, verdict.Score);
        Assert.Equal(VerdictReason.Codes.NoMatch, Assert.Single(verdict.Reasons).Code);
    }

    [Theory]
    [InlineData("definitely not an indicator")]
    [InlineData("a..b")]
    [InlineData("\u0001evil.com")]
    public async Task Invalid_input_is_invalid_with_a_reason(string value)
    {
        var verdict = await Engine.CheckAsync(value, TestContext.Current.CancellationToken);

        Assert.Equal(Disposition.Invalid, verdict.Disposition);
        Assert.NotEmpty(Assert.Single(verdict.Reasons).Text);
    }

    [Fact]
    public async Task Score_is_the_highest_confidence_among_matches()
    {
        var engine = Fixtures.Engine(Indicator("evil.com", confidence: 40), Indicator("sub.evil.com", confidence: 85));

        Assert.Equal(85, (await engine.CheckAsync("a.sub.evil.com", TestContext.Current.CancellationToken)).Score);
        Assert.Equal(40, (await engine.CheckAsync("b.evil.com", TestContext.Current.CancellationToken)).Score);
    }

    [Fact]
    public async Task The_same_value_from_two_sources_gives_two_matches()
    {
        var engine = Fixtures.Engine(Indicator("evil.com", source: "a"), Indicator("evil.com", source: "b"));

        var verdict = await engine.CheckAsync("evil.com", TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], verdict.Matches.Select(m => m.Source).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_hit_the_records_no_longer_confirm_is_not_a_match()
    {
        var gone = Indicator("gone.example");
        var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords([], ActorName, TimeProvider.System));
        engine.Replace(IndicatorView.Of(Index([gone], revision: 1)));

        var verdict = await engine.CheckAsync("gone.example", TestContext.Current.CancellationToken);

        Assert.Equal(Disposition.Clean, verdict.Disposition);
    }
}
