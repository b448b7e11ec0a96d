namespace Rampart.Accounts.Footholds;

/// <summary>The text fields of a sighting, each one string instance shared by all sightings that have the same text.</summary>
internal readonly record struct SightingFields(string? Operation, string? Actor, string? ClientIp, string? App);
