using System.Collections.Concurrent;
using System.Text;
using Rampart.Accounts.Events;
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
    private const int BatchRecords = 512;
    private const int BatchBytes = 1024 * 1024;

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
        var start = stream.Position;
        var head = new byte[SniffBytes];
        var length = stream.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
        stream.Position = start;
        var first = FirstSignificant(head.AsSpan(0, length));
        var items = first switch
        {
            -1 => [],
            (byte)'{' or (byte)'[' => ReadItems(SplitJson(stream, file)),
            _ => ReadItems(SplitCsv(stream, file)),
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

    private IEnumerable<AuditLogItem> ReadItems(IEnumerable<RawItem> source)
    {
        var parallelism = Math.Max(1, _options.Parallelism);
        if (parallelism == 1)
        {
            var normalizer = new AuditRecordNormalizer(_options.FieldMap);
            foreach (var raw in source)
            {
                yield return raw.Error is not null
                    ? new AuditLogItem(null, new AuditLogProblem(raw.Origin.File, raw.Origin.Line, raw.Error))
                    : Normalize(normalizer, raw.Bytes, raw.Origin, raw.Container);
            }

            yield break;
        }

        // Ordered and bounded: at most 2 batches per worker in flight, handed back in reading order,
        // so one slow batch holds memory to a few megabytes and events keep their file order.
        var normalizers = new ConcurrentBag<AuditRecordNormalizer>();
        var inFlight = new Queue<Task<AuditLogItem[]>>();
        var batch = new RawBatch();
        foreach (var raw in source)
        {
            batch.Add(raw);
            if (batch.Items.Count < BatchRecords && batch.Bytes < BatchBytes)
            {
                continue;
            }

            inFlight.Enqueue(Start(batch, normalizers));
            batch = new RawBatch();
            if (inFlight.Count >= 2 * parallelism)
            {
                foreach (var item in inFlight.Dequeue().GetAwaiter().GetResult())
                {
                    yield return item;
                }
            }
        }

        inFlight.Enqueue(Start(batch, normalizers));
        while (inFlight.Count > 0)
        {
            foreach (var item in inFlight.Dequeue().GetAwaiter().GetResult())
            {
                yield return item;
            }
        }
    }

    private Task<AuditLogItem[]> Start(RawBatch batch, ConcurrentBag<AuditRecordNormalizer> normalizers) => Task.Run(() =>
    {
        var normalizer = normalizers.TryTake(out var pooled) ? pooled : new AuditRecordNormalizer(_options.FieldMap);
        try
        {
            var items = new AuditLogItem[batch.Items.Count];
            for (var i = 0; i < items.Length; i++)
            {
                var (offset, length, origin, container, error) = batch.Items[i];
                items[i] = error is not null
                    ? new AuditLogItem(null, new AuditLogProblem(origin.File, origin.Line, error))
                    : Normalize(normalizer, batch.BytesOf(offset, length), origin, container);
            }

            return items;
        }
        finally
        {
            batch.Release();
            normalizers.Add(normalizer);
        }
    });

    private IEnumerable<RawItem> SplitJson(Stream stream, string file)
    {
        using var splitter = new JsonRecordSplitter(stream, _options.MaxRecordBytes);
        while (splitter.TryRead(out var raw))
        {
            yield return new RawItem(raw.Bytes, new EventOrigin(file, raw.Line), null, raw.Error);
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

    private static AuditLogItem Normalize(AuditRecordNormalizer normalizer, ReadOnlyMemory<byte> json, EventOrigin origin, AuditLogFormat? container)
    {
        if (normalizer.TryNormalize(json, origin, container, out var auditEvent, out var error, out var lineOffset))
        {
            return new AuditLogItem(auditEvent, null);
        }

        var where = container == AuditLogFormat.PurviewCsv ? "AuditData: " : "";
        return new AuditLogItem(null, new AuditLogProblem(origin.File, origin.Line + lineOffset, where + error));
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
