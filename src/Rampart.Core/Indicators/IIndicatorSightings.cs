using Rampart.Core.Auditing;

namespace Rampart.Core.Indicators;

/// <summary>
/// Sightings of stored indicators, which drive their lifecycle: a sighting moves the indicator's
/// last-seen time forward (its decay starts over), a false-positive sighting lowers its confidence.
/// Each is also kept as a STIX-style sighting of the indicator, and advances the store revision so
/// every index picks the change up.
/// </summary>
public interface IIndicatorSightings
{
    /// <summary>The indicator after the sighting; null when no indicator has that id.</summary>
    Task<Indicator?> RecordAsync(string indicatorId, DateTimeOffset seenAt, bool falsePositive, string source, ChangeContext context, CancellationToken cancellationToken);
}
