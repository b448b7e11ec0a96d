using Microsoft.Extensions.Logging;

namespace Rampart.Dns.Spool;

internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Spool {Directory} opened for node {NodeId}; next sequence {NextSequence}")]
    public static partial void SpoolOpened(ILogger logger, string directory, string nodeId, long nextSequence);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Spool segment {Path}: cut a torn tail of {Bytes} bytes at offset {Offset} (a crash during a write; nothing in it was answered)")]
    public static partial void TornTailCut(ILogger logger, string path, long bytes, long offset);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Spool segment {Path} started")]
    public static partial void SegmentStarted(ILogger logger, string path);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Ingester: the store refused a batch ({Error}); retrying in {Delay}")]
    public static partial void StoreFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Ingester: spool record {Sequence} is not a hit this version reads; skipped")]
    public static partial void UnreadableRecord(ILogger logger, long sequence);
}
