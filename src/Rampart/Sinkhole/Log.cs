using Microsoft.Extensions.Logging;

namespace Rampart.Sinkhole;

internal static partial class Log
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Sinkhole: the store is unavailable ({Reason}); hits stay in the spool, retrying in {Delay}")]
    public static partial void StoreUnavailable(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Sinkhole: the store cannot be opened ({Reason}); the zones come from the cache until it answers")]
    public static partial void ZoneStoreUnavailable(ILogger logger, string reason);
}
