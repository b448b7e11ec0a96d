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
            (byte)'{' or (byte)'[' => ReadJson(stream, file),
            _ => ReadCsv(stream, file),
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

    private IEnumerable<AuditLogItem> ReadJson(Stream stream, string file)
    {
        var normalizer = new AuditRecordNormalizer(_options.FieldMap);
        using var splitter = new JsonRecordSplitter(stream, _options.MaxRecordBytes);
        while (splitter.TryRead(out var raw))
        {
            if (raw.Error is not null)
            {
                yield return new AuditLogItem(null, new AuditLogProblem(file, raw.Line, raw.Error));
                continue;
            }

            yield return Normalize(normalizer, raw.Bytes, new EventOrigin(file, raw.Line), null);
        }
    }

    private IEnumerable<AuditLogItem> ReadCsv(Stream stream, string file)
    {
        var normalizer = new AuditRecordNormalizer(null);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new CsvReader(text, _options.MaxRecordBytes);
        if (!csv.TryRead(out var header, out var headerError))
        {
            yield break;
        }

        var column = headerError is null ? IndexOf(header.Fields, "AuditData") : -1;
        if (column < 0)
        {
            yield return new AuditLogItem(null, new AuditLogProblem(file, 1,
                "neither JSON nor a Purview audit export: the first line has no AuditData column"));
            yield break;
        }

        while (csv.TryRead(out var record, out var error))
        {
            if (error is not null)
            {
                yield return new AuditLogItem(null, new AuditLogProblem(file, record.Line, $"CSV: {error}"));
                continue;
            }

            if (record.Fields is [""])
            {
                continue;
            }

            if (record.Fields.Count <= column)
            {
                yield return new AuditLogItem(null, new AuditLogProblem(file, record.Line,
                    $"the row has {record.Fields.Count} fields; AuditData is field {column + 1}"));
                continue;
            }

            var json = Encoding.UTF8.GetBytes(record.Fields[column]);
            yield return Normalize(normalizer, json, new EventOrigin(file, record.Line), AuditLogFormat.PurviewCsv);
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
