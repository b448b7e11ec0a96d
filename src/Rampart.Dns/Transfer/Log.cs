using System.Net;
using Microsoft.Extensions.Logging;

namespace Rampart.Dns.Transfer;

/// <summary>The transfer listener's log. Keys appear by name and fingerprint, never their secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Zone transfer listening on {EndPoint} (TCP: SOA, AXFR, IXFR; UDP: SOA); TSIG {Tsig}; keys {Keys}; allow {Allow}")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint, string tsig, string keys, string allow);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Zone {Zone} serial {Serial}: {Records} records")]
    public static partial void ZonePublished(ILogger logger, string zone, uint serial, int records);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Zone transfer request from {Peer} over {Transport}: {Outcome}")]
    public static partial void Answered(ILogger logger, IPAddress peer, string transport, TransferOutcome outcome);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "NOTIFY {Zone} serial {Serial} acknowledged by {Target}")]
    public static partial void NotifyAcknowledged(ILogger logger, string zone, uint serial, IPEndPoint target);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "NOTIFY {Zone} serial {Serial} to {Target} not acknowledged after {Attempts} attempts")]
    public static partial void NotifyUnanswered(ILogger logger, string zone, uint serial, IPEndPoint target, int attempts);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "NOTIFY to {Target} names key '{Key}', which is not configured; sent unsigned")]
    public static partial void NotifyKeyMissing(ILogger logger, IPEndPoint target, string key);
}
