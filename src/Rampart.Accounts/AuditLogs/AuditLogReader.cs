using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;
using Rampart.Core.Text;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Reads an audit log file of any supported format as a stream of events, one record in memory at
/// a time. The container is recognised from the first bytes (JSON, or a Purview CSV export with an
/// <c>AuditData</c> column) and each record's shape from its fields. A record that cannot be read
/// comes out as a problem with its line and the reason, and reading goes on with the next one.
/// </summary>
public sealed class AuditLogReader(AuditLogReaderOptions? options = null)
{
    private const int SniffBytes = 4096;
    // A batch is one hand-off between threads: 1,024 records (about 1.4 MB of UAL) make the hand-offs,
    // and the waits around them, rare next to the work; 2 batches a worker in flight stay a few MB.
    private const int BatchRecords = 1024;
    private const int BatchBytes = RawBatch.Capacity;

    private readonly AuditLogReaderOptions _options = options ?? new AuditLogReaderOptions();

    public IEnumerable<AuditLogItem> ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        foreach (var item in Read(stream, path))
        {
            yield return item;
        }
    }

    /// <summary>Reads <paramref name="stream"/> (seekable: the first bytes are read twice); <paramref name="file"/> names it in origins and problems.</summary>
    public IEnumerable<AuditLogItem> Read(Stream stream, string file)
    {
        foreach (var (item, _) in Read(stream, file, static () => 0, static (_, _, _) => 0))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Reads like <see cref="Read(Stream, string)"/> and also runs <paramref name="process"/> on each
    /// event on the thread that normalized it, with that thread's own <typeparamref name="TWorker"/>
    /// and the event's record as rules read it (valid only during the call)
    /// (from <paramref name="createWorker"/>, reused across batches): what can run in parallel runs
    /// there, and the results come back with their events in file order. Without
    /// <paramref name="keepRecords"/> an event carries no record (<see cref="AuditEvent.Data"/>) unless
    /// <paramref name="process"/> keeps it (<see cref="AuditEvent.Keep"/>): most events of a scan match
    /// nothing, and copying each record out would cost as much as reading it. With
    /// <paramref name="complete"/>, for the same reason, <paramref name="process"/> sees an event of
    /// <paramref name="light"/> detail (by default only its logsource, origin, format, timestamp and
    /// workload), and the event that comes out has its other typed fields only when
    /// <paramref name="complete"/> says so of what <paramref name="process"/> returned.
    /// </summary>
    internal IEnumerable<(AuditLogItem Item, TResult Result)> Read<TWorker, TResult>(Stream stream, string file, Func<TWorker> createWorker, Func<TWorker, AuditEvent, EventRecord, TResult> process, bool keepRecords = true, Func<TResult, bool>? complete = null, EventDetail light = EventDetail.Selection)
    {
        var start = stream.Position;
        var head = new byte[SniffBytes];
        var length = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
        stream.Position = start;
        var first = FirstSignificant(head.AsSpan(0, length));
        var detail = complete is null ? EventDetail.Full : light;
        var items = first switch
        {
            -1 => [],
            (byte)'{' or (byte)'[' => ReadItems(SplitJson(stream, file), createWorker, process, keepRecords, complete, detail),
            _ => ReadItems(SplitCsv(stream, file), createWorker, process, keepRecords, complete, detail),
        };
        return items;
    }

    private static int FirstSignificant(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var i = head.IndexOfAnyExcept(" \t\r\n"u8);
        return i < 0 ? -1 : head[i];
    }

    private IEnumerable<(AuditLogItem, TResult)> ReadItems<TWorker, TResult>(IEnumerable<RawItem> source, Func<TWorker> createWorker, Func<TWorker, AuditEvent, EventRecord, TResult> process, bool keepRecords, Func<TResult, bool>? complete, EventDetail detail)
    {
        var parallelism = Math.Max(1, _options.Parallelism);
        if (parallelism == 1)
        {
            var normalizer = new AuditRecordNormalizer(_options.FieldMap, keepRecords);
            var worker = createWorker();
            var items = new List<(AuditLogItem, TResult)>();
            foreach (var raw in source)
            {
                items.Clear();
                Normalize(normalizer, raw.Bytes, raw.Origin, raw.Container, raw.Error, raw.Unchecked, worker, process, complete, detail, items);
                foreach (var item in items)
                {
                    yield return item;
                }
            }

            yield break;
        }

        // Ordered and bounded: at most 2 batches per worker in flight, handed back in reading order,
        // so one slow batch holds memory to a few hundred kilobytes and events keep their file order.
        // Small batches also keep the events in flight few, so most die young (in gen0).
        // Batches and their result lists are reused: a list of 1,024 results can pass the large object
        // heap's 85,000 bytes (an audit's results are 128 bytes each), and one such list a batch made the
        // collector run full collections over 1M records.
        var workers = new ConcurrentBag<(AuditRecordNormalizer, TWorker)>();
        var pool = new BatchPool<(AuditLogItem, TResult)>();
        var inFlight = new Queue<Task<List<(AuditLogItem, TResult)>>>();
        var batch = pool.Batch();
        foreach (var raw in source)
        {
            batch.Add(raw);
            if (batch.Items.Count < BatchRecords && batch.Bytes < BatchBytes)
            {
                continue;
            }

            inFlight.Enqueue(Start(batch, pool, workers, createWorker, process, keepRecords, complete, detail));
            batch = pool.Batch();
            if (inFlight.Count >= 2 * parallelism)
            {
                var items = Finish(inFlight.Dequeue());
                foreach (var item in items)
                {
                    yield return item;
                }

                pool.Return(items);
            }
        }

        inFlight.Enqueue(Start(batch, pool, workers, createWorker, process, keepRecords, complete, detail));
        while (inFlight.Count > 0)
        {
            var items = Finish(inFlight.Dequeue());
            foreach (var item in items)
            {
                yield return item;
            }

            pool.Return(items);
        }
    }

    /// <summary>
    /// Waits for a batch by blocking, not spinning: on 2 cores the spinning of a waiting reader takes
    /// the CPU the workers it waits for need (Task.Wait spins before it blocks).
    /// </summary>
    private static T Finish<T>(Task<T> task)
    {
        if (!task.IsCompleted)
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        }

        return task.GetAwaiter().GetResult();
    }

    private Task<List<(AuditLogItem, TResult)>> Start<TWorker, TResult>(RawBatch batch, BatchPool<(AuditLogItem, TResult)> pool, ConcurrentBag<(AuditRecordNormalizer, TWorker)> workers, Func<TWorker> createWorker, Func<TWorker, AuditEvent, EventRecord, TResult> process, bool keepRecords, Func<TResult, bool>? complete, EventDetail detail) => Task.Run(() =>
    {
        var (normalizer, worker) = workers.TryTake(out var pooled) ? pooled : (new AuditRecordNormalizer(_options.FieldMap, keepRecords), createWorker());
        try
        {
            var items = pool.Results(batch.Items.Count);
            foreach (var (offset, length, origin, container, error, isUnchecked) in batch.Items)
            {
                Normalize(normalizer, batch.BytesOf(offset, length), origin, container, error, isUnchecked, worker, process, complete, detail, items);
            }

            return items;
        }
        finally
        {
            pool.Return(batch);
            workers.Add((normalizer, worker));
        }
    });

    private IEnumerable<RawItem> SplitJson(Stream stream, string file)
    {
        using var splitter = new JsonRecordSplitter(stream, _options.MaxRecordBytes, _options.WholeLines);
        while (splitter.TryRead(out var raw))
        {
            yield return new RawItem(raw.Bytes, new EventOrigin(file, raw.Line), null, raw.Error, raw.Unchecked);
        }
    }

    private IEnumerable<RawItem> SplitCsv(Stream stream, string file)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new CsvReader(text, _options.MaxRecordBytes);
        if (!csv.TryRead(out var header, out var headerError))
        {
            yield break;
        }

        var column = headerError is null ? IndexOf(header.Fields, "AuditData") : -1;
        if (column < 0)
        {
            yield return new RawItem(default, new EventOrigin(file, 1), null,
                "neither JSON nor a Purview audit export: the first line has no AuditData column");
            yield break;
        }

        while (csv.TryRead(out var record, out var error))
        {
            var origin = new EventOrigin(file, record.Line);
            if (error is not null)
            {
                yield return new RawItem(default, origin, null, $"CSV: {error}");
            }
            else if (record.Fields is [""])
            {
                continue;
            }
            else if (record.Fields.Count <= column)
            {
                yield return new RawItem(default, origin, null, $"the row has {record.Fields.Count} fields; AuditData is field {column + 1}");
            }
            else
            {
                yield return new RawItem(Encoding.UTF8.GetBytes(record.Fields[column]), origin, AuditLogFormat.PurviewCsv, null);
            }
        }
    }

    /// <summary>
    /// Adds what one raw item reads as to <paramref name="items"/>: its event, or its problem; a line
    /// taken whole without its structure checked that does not read as a record is cut again as the
    /// structural pass cuts it, and each piece added (see <see cref="JsonLinesShortcut"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Normalize<TWorker, TResult>(AuditRecordNormalizer normalizer, ReadOnlyMemory<byte> json, EventOrigin origin, AuditLogFormat? container, string? rawError, bool isUnchecked, TWorker worker, Func<TWorker, AuditEvent, EventRecord, TResult> process, Func<TResult, bool>? complete, EventDetail detail, List<(AuditLogItem, TResult)> items)
    {
        if (rawError is not null)
        {
            items.Add((new AuditLogItem(null, new AuditLogProblem(origin.File, origin.Line, rawError)), default!));
            return;
        }

        if (normalizer.TryNormalize(json, origin, container, out var auditEvent, out var error, out var lineOffset, detail))
        {
            var result = process(worker, auditEvent!, normalizer.Record);
            if (complete is not null && complete(result))
            {
                auditEvent = normalizer.Complete(auditEvent!);
            }

            items.Add((new AuditLogItem(auditEvent, null), result));
            return;
        }

        if (isUnchecked)
        {
            foreach (var piece in JsonLinesShortcut.SplitLine(json.Span, origin.Line, _options.MaxRecordBytes))
            {
                Normalize(normalizer, piece.Bytes, origin with { Line = piece.Line }, container, piece.Error, false, worker, process, complete, detail, items);
            }

            return;
        }

        var where = container == AuditLogFormat.PurviewCsv ? "AuditData: " : "";
        items.Add((new AuditLogItem(null, new AuditLogProblem(origin.File, origin.Line + lineOffset, where + error)), default!));
    }

    private static int IndexOf(IReadOnlyList<string> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
