namespace Rampart.Intel.Misp;

/// <summary>
/// One MISP attribute (of the event or of one of its objects) as read: what Rampart needs to make an
/// indicator of it, and where it stands in the file for problems.
/// </summary>
/// <param name="Sightings">Sightings of type 0 (seen).</param>
/// <param name="FalsePositives">Sightings of type 1 (false positive).</param>
public sealed record MispAttribute(
    int Line,
    string Field,
    string? Uuid,
    string Type,
    string Value,
    bool ToIds,
    bool Deleted,
    DateTimeOffset? Timestamp,
    IReadOnlyList<string> Tags,
    int Sightings,
    int FalsePositives,
    DateTimeOffset? LastSeen);
