using Microsoft.Extensions.Logging;

namespace Rampart.Cases.Sinkhole;

internal static partial class Log
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Sinkhole zones from the store: {Zones} domains of {Cases} sinkholed cases, serial {Serial} (store revision {Revision})")]
    public static partial void ZonesLoaded(ILogger logger, int zones, int cases, uint serial, long revision);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "The store is unreachable ({Reason}); serving the cached sinkhole zones: {Zones} domains, serial {Serial}, from {CacheFile} written {WrittenAt:o}")]
    public static partial void ServingCache(ILogger logger, int zones, uint serial, string cacheFile, DateTime writtenAt, string reason);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Reading the sinkhole zones from the store failed ({Reason}); serving the last set ({Zones} domains) until it answers")]
    public static partial void RefreshFailed(ILogger logger, int zones, string reason);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "The store answers again; sinkhole zones from the store: {Zones} domains")]
    public static partial void StoreBack(ILogger logger, int zones);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Sinkhole zone left out: {Problem}")]
    public static partial void ZoneProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "The sinkhole zone cache {CacheFile} could not be written: {Reason}")]
    public static partial void CacheNotWritten(ILogger logger, string cacheFile, string reason);
}
