using Microsoft.Extensions.Logging;

namespace Rampart.Dns.Victims;

internal static partial class Log
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Retention: {Day:yyyy-MM-dd} rolled up, {Hits} raw hits into {Rows} daily rows")]
    public static partial void RolledUp(ILogger logger, DateTimeOffset day, long hits, long rows);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Retention: the rollup failed ({Error}); next try in {Interval}")]
    public static partial void RollupFailed(ILogger logger, string error, TimeSpan interval);
}
