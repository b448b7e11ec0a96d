using Rampart.Core.Indicators;

namespace Rampart.Detection.Indicators;

/// <summary>Records held in a list: for tests, benchmarks and small fixed sets.</summary>
public sealed class InMemoryIndicatorRecords(IEnumerable<Indicator> indicators, Func<string, string?> actorName, TimeProvider time) : IIndicatorRecords
{
    private readonly ILookup<(IndicatorType, string), Indicator> _byValue =
        indicators.ToLookup(i => (i.Type, i.NormalizedValue));

    public Task<IReadOnlyList<Indicator>> FindLiveAsync(IndicatorType type, string normalizedValue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Indicator>>(_byValue[(type, normalizedValue)].Where(i => i.IsLive(now)).ToList());
    }

    public Task<string?> ActorNameAsync(string actorId, CancellationToken cancellationToken) => Task.FromResult(actorName(actorId));
}
