namespace Rampart.Server.Intel;

/// <summary>The body of <c>POST /api/v1/indicators/{id}/sightings</c>; every field optional (seen now, a true sighting, source "api").</summary>
public sealed record SightingRequest(DateTimeOffset? SeenAt, bool? FalsePositive, string? Source);
