namespace Rampart.Accounts.Footholds;

/// <summary>
/// A sighting as a tally stores it: the time in ticks and the record's texts and address as numbers
/// (<see cref="TextIds"/>, <see cref="AddressIds"/>; -1 for none), 32 bytes without a reference.
/// </summary>
internal readonly record struct SightingIds(long Ticks, int Operation, int Actor, int ClientIp, int App, int File, int Line);
