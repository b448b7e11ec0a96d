using Rampart.Core.Indicators;
using Rampart.Core.Markings;

namespace Rampart.Core.Stix;

/// <summary>
/// One version of one STIX object as stored: the exact JSON it arrived as (every property, custom
/// ones and extensions included, so an export loses nothing) plus the few fields the store indexes.
/// A version is identified by (<see cref="Id"/>, <see cref="Modified"/>); objects without
/// <c>modified</c> (cyber-observables, marking definitions) have one version, Modified null.
/// </summary>
/// <param name="Utf8Json">The object's bytes as the bundle held them, UTF-8: kept as bytes from the file to the store, never a string.</param>
/// <param name="Indicators">What Rampart enforces of this object (an indicator's pattern), linked to it by <see cref="NewIndicator.StixRef"/>.</param>
public sealed record StixObjectVersion(
    string Id,
    string Type,
    DateTimeOffset? Modified,
    bool Revoked,
    Tlp? Tlp,
    ReadOnlyMemory<byte> Utf8Json,
    string? Name = null,
    string? ExternalId = null,
    string? RelationshipType = null,
    string? SourceRef = null,
    string? TargetRef = null,
    IReadOnlyList<NewIndicator>? Indicators = null);
