using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;

namespace Rampart.Detection.Tests;

internal static class Fixtures
{
    public static Indicator Indicator(string raw, string? actor = null, int confidence = 70, string source = "test", bool revoked = false, long revision = 1)
    {
        Assert.True(IndicatorValueParser.TryParse(raw, out var error, out var value), error);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new Indicator($"indicator--{Guid.NewGuid()}", value.Type, value.Value, value.Normalized, now, null, confidence, source, actor, revoked, now, now, revision);
    }

    public static string ActorName(string id) => "Name of " + id;

    /// <summary>An engine over <paramref name="indicators"/> compiled into one snapshot, confirming hits against the same list.</summary>
    public static IndexVerdictEngine Engine(params Indicator[] indicators)
    {
        var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords(indicators, ActorName, TimeProvider.System));
        engine.Replace(IndicatorView.Of(Index(indicators, revision: 1)));
        return engine;
    }

    public static IndicatorIndex Index(IEnumerable<Indicator> indicators, long revision, bool holdRecords = false)
    {
        var builder = new IndicatorIndexBuilder(holdRecords: holdRecords);
        foreach (var indicator in indicators)
        {
            Assert.True(builder.Add(indicator, indicator.ActorId is null ? null : ActorName(indicator.ActorId)));
        }

        return builder.Build(revision);
    }
}
