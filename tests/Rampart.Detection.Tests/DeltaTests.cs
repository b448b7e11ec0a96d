using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using static Rampart.Detection.Tests.Fixtures;

namespace Rampart.Detection.Tests;

public sealed class DeltaTests
{
    [Fact]
    public async Task An_indicator_added_after_the_snapshot_matches_through_the_delta()
    {
        var old = Indicator("old.example");
        var added = Indicator("new.example", revision: 2);
        var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords([old, added], ActorName, TimeProvider.System));
        var snapshot = Index([old], revision: 1);

        engine.Replace(new IndicatorView(snapshot, Index([added], revision: 2, holdRecords: true), new HashSet<string> { added.Id }, 2));

        Assert.Equal(Disposition.Malicious, (await engine.CheckAsync("x.new.example", TestContext.Current.CancellationToken)).Disposition);
        Assert.Equal(Disposition.Malicious, (await engine.CheckAsync("old.example", TestContext.Current.CancellationToken)).Disposition);
        Assert.Equal(2, engine.Revision);
    }

    [Fact]
    public async Task A_url_revoked_after_the_snapshot_stops_matching_through_the_delta()
    {
        var url = Indicator("http://phish.example/login/");
        var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords([url], ActorName, TimeProvider.System));
        var snapshot = Index([url], revision: 1);
        engine.Replace(IndicatorView.Of(snapshot));
        Assert.Equal(Disposition.Malicious, (await engine.CheckAsync("http://phish.example/login/", TestContext.Current.CancellationToken)).Disposition);

        engine.Replace(new IndicatorView(snapshot, IndicatorIndex.Empty, new HashSet<string> { url.Id }, 2));

        Assert.Equal(Disposition.Clean, (await engine.CheckAsync("http://phish.example/login/", TestContext.Current.CancellationToken)).Disposition);
    }

    [Fact]
    public async Task A_domain_revoked_in_the_store_stops_matching_before_any_rebuild()
    {
        var live = Indicator("revoked.example");
        var revoked = live with { Revoked = true };
        var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords([revoked], ActorName, TimeProvider.System));

        engine.Replace(IndicatorView.Of(Index([live], revision: 1)));

        Assert.Equal(Disposition.Clean, (await engine.CheckAsync("revoked.example", TestContext.Current.CancellationToken)).Disposition);
    }
}
