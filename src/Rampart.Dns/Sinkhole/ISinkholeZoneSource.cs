namespace Rampart.Dns.Sinkhole;

/// <summary>
/// Where the sinkhole learns which domains it serves. Standalone nodes read a JSON file
/// (<see cref="JsonFileZoneSource"/>); the platform feeds it from takedown cases. The server reads
/// <see cref="Current"/> once per batch of packets, so a swap is seen without a restart and without locks.
/// </summary>
public interface ISinkholeZoneSource
{
    SinkholeZoneSet Current { get; }

    /// <summary>Raised after <see cref="Current"/> was replaced.</summary>
    event EventHandler? Changed;
}
