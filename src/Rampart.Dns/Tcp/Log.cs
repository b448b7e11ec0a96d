using Microsoft.Extensions.Logging;

namespace Rampart.Dns.Tcp;

internal static partial class Log
{
    [LoggerMessage(EventId = 4060, Level = LogLevel.Warning, Message = "{Listener}: TCP connection limit {Limit} reached; closing a new connection")]
    public static partial void TooManyConnections(ILogger logger, string listener, int limit);
}
