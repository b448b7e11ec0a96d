using System.Net;
using Microsoft.Extensions.Logging;
using Rampart.Dns.Sinkhole;

namespace Rampart.Dns.Http;

internal static partial class Log
{
    [LoggerMessage(EventId = 4050, Level = LogLevel.Information, Message = "HTTP sinkhole listening on {EndPoint} with {Loops} event loops")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint, int loops);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Warning, Message = "HTTP sinkhole accept failed: {Error}")]
    public static partial void AcceptFailed(ILogger logger, SocketErrorText error);

    [LoggerMessage(EventId = 4052, Level = LogLevel.Warning, Message = "HTTP sinkhole: connection limit {Limit} reached; closing a new connection")]
    public static partial void TooManyConnections(ILogger logger, int limit);

    [LoggerMessage(EventId = 4053, Level = LogLevel.Error, Message = "HTTP sinkhole could not write hits to the spool; those requests are not answered")]
    public static partial void SpoolFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4054, Level = LogLevel.Critical, Message = "HTTP sinkhole event loop stopped")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4055, Level = LogLevel.Information, Message = "HTTP sinkhole listening for TLS on {EndPoint}")]
    public static partial void ListeningTls(ILogger logger, IPEndPoint endPoint);
}
