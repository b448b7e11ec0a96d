namespace Rampart.Core.Relationships;

/// <summary>A STIX sighting: the object with id <paramref name="SightingOfRef"/> was seen <paramref name="Count"/> times.</summary>
/// <param name="WhereSighted">Who or what saw it (an identity id, a sensor, a sinkhole node).</param>
/// <param name="FalsePositive">The sighting says the object matched something benign (MISP's false-positive sighting).</param>
public sealed record Sighting(
    string Id,
    string SightingOfRef,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Count,
    string? WhereSighted,
    string Source,
    bool FalsePositive = false);
