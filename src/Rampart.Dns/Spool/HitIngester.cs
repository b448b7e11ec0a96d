using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Sinkhole;

namespace Rampart.Dns.Spool;

/// <summary>
/// Moves hits from a node's spool into the store, a batch per transaction, and records how far it
/// got (<see cref="SpoolCheckpoint"/>) after each. It runs beside the listeners and never blocks
/// them: a slow or stopped store only lets the spool grow. Segments wholly stored are deleted.
/// </summary>
public sealed class HitIngester(string spoolDirectory, string nodeId, ISinkholeHitStore store, HitIngesterOptions? options = null, ILogger? logger = null, TimeProvider? time = null)
{
    private readonly HitIngesterOptions _options = options ?? new HitIngesterOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _stored;

    /// <summary>Hits this ingester added to the store (not counting ones already there).</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Spool bytes not yet stored; past <see cref="SpoolOptions.MaxPendingBytes"/> the node is not ready.</summary>
    public static long PendingBytes(string spoolDirectory)
    {
        var checkpoint = SpoolCheckpoint.Read(spoolDirectory);
        long pending = 0;
        foreach (var (first, path) in SpoolFormat.Segments(spoolDirectory))
        {
            if (first < checkpoint.SegmentFirstSequence)
            {
                continue;
            }

            var length = new FileInfo(path).Length;
            pending += first == checkpoint.SegmentFirstSequence ? Math.Max(0, length - checkpoint.Offset) : length;
        }

        return pending;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            int moved;
            try
            {
                moved = await IngestOnceAsync(cancellationToken).ConfigureAwait(false);
                delay = _options.RetryDelay;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The store is down or slow: hits stay in the spool; the answers never waited for us.
                Log.StoreFailed(_logger, ex.GetType().Name + ": " + ex.Message, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                continue;
            }

            if (moved == 0)
            {
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stores the next batch; returns how many spool records it consumed (0: nothing new).</summary>
    public async Task<int> IngestOnceAsync(CancellationToken cancellationToken)
    {
        var checkpoint = SpoolCheckpoint.Read(spoolDirectory);
        var segments = SpoolFormat.Segments(spoolDirectory);
        var index = segments.FindIndex(s => s.FirstSequence >= checkpoint.SegmentFirstSequence);
        if (index < 0)
        {
            return 0;
        }

        var (first, path) = segments[index];
        var offset = first == checkpoint.SegmentFirstSequence ? checkpoint.Offset : 0;
        var entries = new List<SpoolEntry>();
        var end = SpoolReader.Read(path, offset, _options.BatchSize, entries);
        while (entries.Count == 0 && index < segments.Count - 1)
        {
            // A closed segment read to its end: drop it and go on with the next.
            index++;
            (first, var next) = segments[index];
            checkpoint = new SpoolCheckpoint(first, 0, checkpoint.LastSequence);
            checkpoint.Write(spoolDirectory);
            File.Delete(path);
            path = next;
            end = SpoolReader.Read(path, 0, _options.BatchSize, entries);
        }

        if (entries.Count == 0)
        {
            return 0;
        }

        var hits = new List<SinkholeHit>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Sequence <= checkpoint.LastSequence)
            {
                continue;
            }

            if (HitPayload.TryDecode(nodeId, entry.Sequence, entry.Payload, out var hit))
            {
                hits.Add(hit!);
            }
            else
            {
                Log.UnreadableRecord(_logger, entry.Sequence);
            }
        }

        var added = await store.AddAsync(hits, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _stored, added);
        new SpoolCheckpoint(first, end, Math.Max(checkpoint.LastSequence, entries[^1].Sequence)).Write(spoolDirectory);
        return entries.Count;
    }
}
