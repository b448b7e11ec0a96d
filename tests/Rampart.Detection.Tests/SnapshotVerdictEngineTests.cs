using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;

namespace Rampart.Detection.Tests;

public sealed class SnapshotVerdictEngineTests
{
    private static readonly SnapshotVerdictEngine Engine = CreateEngine(
        ("evil.com", "actor-1"),
        ("hxxp://phish.example/login", null),
        ("198.51.100.0/24", "actor-1"),
        ("203.0.113.5", null),
        ("boss@hanrnaii.net", "actor-1"),
        ("hotrnall.com", null),
        ("44d88612fea8a8f36de82e1278abb02f", null));

    [Theory]
    [InlineData("evil.com", "exact")]
    [InlineData("EVIL.COM.", "exact")]
    [InlineData("a.b.evil.com", "parent-domain")]
    [InlineData("hxxps://login.evil[.]com/x", "parent-domain")]
    [InlineData("https://evil.com/", "url-host")]
    [InlineData("hxxp://phish[.]example/login", "exact")]
    [InlineData("198.51.100.77", "cidr")]
    [InlineData("http://198.51.100.9/x", "cidr")]
    [InlineData("203.0.113.5", "exact")]
    [InlineData("boss@hanrnaii.net", "exact")]
    [InlineData("someone@mail.hotrnall.com", "parent-domain")]
    [InlineData("44D88612FEA8A8F36DE82E1278ABB02F", "exact")]
    public void Matches_a_value_and_says_how(string value, string how)
    {
        var verdict = Engine.Check(value);

        Assert.Equal(Disposition.Malicious, verdict.Disposition);
        Assert.Contains(verdict.Matches, m => m.How == how);
        Assert.NotEmpty(verdict.Reasons);
    }

    [Theory]
    [InlineData("notevil.com")]
    [InlineData("evil.com.example.org")]
    [InlineData("com")]
    [InlineData("198.51.101.1")]
    [InlineData("203.0.113.6")]
    [InlineData("http://phish.example/other")]
    [InlineData("other@hanrnaii.org")]
    public void Does_not_match_lookalike_neighbours(string value)
    {
        var verdict = Engine.Check(value);

        Assert.NotEqual(Disposition.Malicious, verdict.Disposition);
        Assert.Empty(verdict.Matches);
    }

    [Fact]
    public void Attributes_the_actor_by_name()
    {
        var verdict = Engine.Check("x.evil.com");

        var match = Assert.Single(verdict.Matches);
        Assert.Equal("actor-1", match.ActorId);
        Assert.Equal("Name of actor-1", match.ActorName);
        Assert.Contains("Name of actor-1", verdict.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_input_is_invalid_with_a_reason()
    {
        var verdict = Engine.Check("definitely not an indicator");

        Assert.Equal(Disposition.Invalid, verdict.Disposition);
        Assert.NotEmpty(verdict.Reasons[0]);
    }

    [Fact]
    public void A_replaced_snapshot_answers_from_then_on_and_reports_its_revision()
    {
        var engine = CreateEngine(("first.example", null));
        Assert.Equal(Disposition.Malicious, engine.Check("first.example").Disposition);

        engine.Replace(IndicatorSnapshot.Build([Indicator("second.example", null)], _ => null, revision: 42));

        Assert.Equal(Disposition.Unknown, engine.Check("first.example").Disposition);
        Assert.Equal(Disposition.Malicious, engine.Check("second.example").Disposition);
        Assert.Equal(42, engine.Revision);
    }

    [Fact]
    public void Score_is_the_highest_confidence_among_matches()
    {
        var engine = new SnapshotVerdictEngine();
        engine.Replace(IndicatorSnapshot.Build(
            [Indicator("evil.com", null, confidence: 40), Indicator("sub.evil.com", null, confidence: 85)], _ => null, 1));

        Assert.Equal(85, engine.Check("a.sub.evil.com").Score);
        Assert.Equal(40, engine.Check("b.evil.com").Score);
    }

    private static SnapshotVerdictEngine CreateEngine(params (string Value, string? Actor)[] indicators)
    {
        var engine = new SnapshotVerdictEngine();
        engine.Replace(IndicatorSnapshot.Build(indicators.Select(i => Indicator(i.Value, i.Actor)), id => "Name of " + id, revision: 1));
        return engine;
    }

    private static Indicator Indicator(string raw, string? actor, int confidence = 70)
    {
        Assert.True(IndicatorValueParser.TryParse(raw, out var error, out var value), error);
        var now = DateTimeOffset.UtcNow;
        return new Indicator($"indicator--{Guid.NewGuid()}", value.Type, value.Value, value.Normalized, now, null, confidence, "test", actor, false, now, now, 1);
    }
}
