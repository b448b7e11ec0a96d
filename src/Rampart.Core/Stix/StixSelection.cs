namespace Rampart.Core.Stix;

/// <summary>
/// Which stored objects to read: all, or those with these ids, of these types, or modified in a time
/// range (inclusive start, exclusive end). Only the newest version of each object is read.
/// </summary>
public sealed record StixSelection(
    IReadOnlyCollection<string>? Ids = null,
    IReadOnlyCollection<string>? Types = null,
    DateTimeOffset? ModifiedFrom = null,
    DateTimeOffset? ModifiedUntil = null);
