using Rampart.Core.Indicators;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Where a fingerprint hit is confirmed and completed: the live indicators with exactly this type
/// and normalized value, and actor names. The store in production; a list in tests.
/// </summary>
public interface IIndicatorRecords
{
    Task<IReadOnlyList<Indicator>> FindLiveAsync(IndicatorType type, string normalizedValue, CancellationToken cancellationToken);

    Task<string?> ActorNameAsync(string actorId, CancellationToken cancellationToken);
}
