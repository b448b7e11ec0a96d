using System.Net;
using Microsoft.Extensions.Logging;

namespace Rampart.Dns.Sinkhole;

internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "DNS sinkhole listening on {UdpEndPoint} (UDP) and {TcpEndPoint} (TCP), {Zones} zones")]
    public static partial void Listening(ILogger logger, IPEndPoint udpEndPoint, IPEndPoint tcpEndPoint, int zones);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "DNS sinkhole UDP receive failed: {Error}")]
    public static partial void UdpReceiveFailed(ILogger logger, SocketErrorText error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "DNS sinkhole could not write hits to the spool; the batch is not answered")]
    public static partial void SpoolFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Sinkhole zone set loaded from {Path}: {Zones} zones, serial {Serial}")]
    public static partial void ZonesLoaded(ILogger logger, string path, int zones, uint serial);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Sinkhole zone set {Path}: {Problem}")]
    public static partial void ZoneProblem(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 4006, Message = "Sinkhole node {Readiness}")]
    public static partial void Readiness(ILogger logger, LogLevel level, string readiness);
}
