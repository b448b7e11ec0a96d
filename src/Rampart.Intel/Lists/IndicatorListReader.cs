using System.Globalization;
using System.Text;
using Rampart.Core.Indicators;
using Rampart.Core.Text;

namespace Rampart.Intel.Lists;

/// <summary>
/// Reads indicator lists: TXT (one value a line, <c>#</c> comments) or CSV with a header naming its
/// columns (<c>value</c>, <c>type</c>, <c>actor</c>, <c>source</c>, <c>confidence</c>, <c>valid_until</c>).
/// A file is CSV when its name ends in <c>.csv</c> or its first line is such a header. Every row is
/// checked; each bad one becomes an error with its line, so the caller can refuse the file whole.
/// </summary>
public static class IndicatorListReader
{
    /// <summary>Longer lines are refused: no indicator needs more, and a binary file has none shorter.</summary>
    public const int MaxLineLength = 16 * 1024;

    private static readonly string[] ValueColumns = ["value", "indicator", "ioc"];

    public static IndicatorListReadResult Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var seekable = stream.CanSeek ? stream : Buffer(stream);
        var start = seekable.Position;
        var (isCsv, isBinary) = Sniff(seekable, fileName);
        if (isBinary)
        {
            return new IndicatorListReadResult([], [new IndicatorListError(fileName, 1, null, "binary data, not a text list")]);
        }

        seekable.Position = start;
        using var reader = new StreamReader(seekable, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return isCsv ? ReadCsv(reader, fileName) : ReadText(reader, fileName);
    }

    /// <summary>Checks rows given as fields (an API batch); row <c>i</c> is reported as line <c>i + 1</c>.</summary>
    public static IndicatorListReadResult FromValues(string name, IReadOnlyList<IndicatorListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entries = new List<IndicatorListEntry>(rows.Count);
        var errors = new List<IndicatorListError>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 1;
            IndicatorType? type = null;
            if (!string.IsNullOrWhiteSpace(row.Type) && !IndicatorTypes.TryParse(row.Type, out type))
            {
                errors.Add(new IndicatorListError(name, line, "type", UnknownType(row.Type)));
                continue;
            }

            if (row.Confidence is < 0 or > 100)
            {
                errors.Add(new IndicatorListError(name, line, "confidence", $"{row.Confidence} is not between 0 and 100"));
                continue;
            }

            if (!TryParseValue(row.Value, type, out var value, out var error))
            {
                errors.Add(new IndicatorListError(name, line, null, error));
                continue;
            }

            entries.Add(new IndicatorListEntry(line, value, Blank(row.Actor), Blank(row.Source), row.Confidence, row.ValidUntil));
        }

        return new IndicatorListReadResult(entries, errors);
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    private static (bool IsCsv, bool IsBinary) Sniff(Stream stream, string fileName)
    {
        var head = new byte[8192];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (Array.IndexOf(head, (byte)0, 0, read) >= 0)
        {
            return (false, true);
        }

        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return (true, false);
        }

        var text = Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF');
        var firstLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? "";
        return (firstLine.Contains(',', StringComparison.Ordinal) && SplitHeader(firstLine).Any(c => ValueColumns.Contains(c)), false);
    }

    private static IEnumerable<string> SplitHeader(string line) => line.Split(',').Select(NormalizeColumn);

    private static string NormalizeColumn(string name) =>
        name.Trim().Trim('"').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static IndicatorListReadResult ReadText(StreamReader reader, string fileName)
    {
        var entries = new List<IndicatorListEntry>();
        var errors = new List<IndicatorListError>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            if (raw.Length > MaxLineLength)
            {
                errors.Add(new IndicatorListError(fileName, lineNumber, null, $"line is {raw.Length} characters; the limit is {MaxLineLength}"));
                continue;
            }

            var text = StripComment(raw).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (IndicatorValueParser.TryParse(text, out var error, out var value))
            {
                entries.Add(new IndicatorListEntry(lineNumber, value));
            }
            else
            {
                errors.Add(new IndicatorListError(fileName, lineNumber, null, error));
            }
        }

        return new IndicatorListReadResult(entries, errors);
    }

    /// <summary>A comment is a line starting with <c>#</c>, or <c>#</c> after whitespace (so URL fragments stay).</summary>
    private static string StripComment(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('#'))
        {
            return "";
        }

        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '#' && char.IsWhiteSpace(line[i - 1]))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static IndicatorListReadResult ReadCsv(StreamReader reader, string fileName)
    {
        var entries = new List<IndicatorListEntry>();
        var errors = new List<IndicatorListError>();
        var csv = new CsvReader(reader, MaxLineLength);
        CsvColumns? columns = null;
        while (csv.TryRead(out var record, out var recordError))
        {
            if (recordError is not null)
            {
                errors.Add(new IndicatorListError(fileName, record.Line, null, recordError));
                continue;
            }

            if (record.Fields.All(string.IsNullOrWhiteSpace) || record.Fields[0].TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (columns is null)
            {
                if (!CsvColumns.TryCreate(record.Fields, out columns, out var headerError))
                {
                    errors.Add(new IndicatorListError(fileName, record.Line, null, headerError));
                    return new IndicatorListReadResult([], errors);
                }

                continue;
            }

            if (columns.TryRead(record, out var entry, out var column, out var error))
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add(new IndicatorListError(fileName, record.Line, column, error));
            }
        }

        if (columns is null && errors.Count == 0)
        {
            errors.Add(new IndicatorListError(fileName, 1, null, "empty CSV: no header line"));
        }

        return new IndicatorListReadResult(entries, errors);
    }

    private static bool TryParseValue(string? text, IndicatorType? type, out IndicatorValue value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error) =>
        type is { } given
            ? IndicatorValueParser.TryParse(text ?? "", given, out error, out value)
            : IndicatorValueParser.TryParse(text ?? "", out error, out value);

    private static string UnknownType(string? type) =>
        $"unknown type '{type}'; one of {string.Join(", ", IndicatorTypes.WireNames)}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Where each known column sits in a CSV; other columns are ignored.</summary>
    private sealed class CsvColumns
    {
        private int _width;
        private int _value = -1;
        private int _type = -1;
        private int _actor = -1;
        private int _source = -1;
        private int _confidence = -1;
        private int _validUntil = -1;

        public static bool TryCreate(IReadOnlyList<string> header, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CsvColumns? columns, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
        {
            columns = new CsvColumns { _width = header.Count };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                var name = NormalizeColumn(header[i]);
                if (name.Length > 0 && !seen.Add(name))
                {
                    error = $"column '{name}' appears twice in the header";
                    columns = null;
                    return false;
                }

                switch (name)
                {
                    case "value" or "indicator" or "ioc":
                        if (columns._value >= 0)
                        {
                            error = $"the header has more than one value column ({string.Join(", ", ValueColumns)})";
                            columns = null;
                            return false;
                        }

                        columns._value = i;
                        break;
                    case "type": columns._type = i; break;
                    case "actor" or "actor_id": columns._actor = i; break;
                    case "source": columns._source = i; break;
                    case "confidence": columns._confidence = i; break;
                    case "valid_until": columns._validUntil = i; break;
                }
            }

            if (columns._value < 0)
            {
                error = $"the header names no value column: add one named {string.Join(", ", ValueColumns.Select(c => $"'{c}'"))}";
                columns = null;
                return false;
            }

            error = null;
            return true;
        }

        public bool TryRead(CsvRecord record, out IndicatorListEntry entry, out string? column, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
        {
            entry = null!;
            column = null;
            var fields = record.Fields;
            if (fields.Count != _width)
            {
                error = $"row has {fields.Count} fields; the header has {_width} (quote values that contain commas)";
                return false;
            }

            IndicatorType? parsedType = null;
            if (Field(fields, _type) is { } typeText && !IndicatorTypes.TryParse(typeText, out parsedType))
            {
                (column, error) = ("type", UnknownType(typeText));
                return false;
            }

            int? parsedConfidence = null;
            if (Field(fields, _confidence) is { } confidenceText)
            {
                if (!int.TryParse(confidenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 100)
                {
                    (column, error) = ("confidence", $"'{confidenceText}' is not a whole number from 0 to 100");
                    return false;
                }

                parsedConfidence = number;
            }

            DateTimeOffset? parsedValidUntil = null;
            if (Field(fields, _validUntil) is { } validUntilText)
            {
                if (!DateTimeOffset.TryParse(validUntilText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    (column, error) = ("valid_until", $"'{validUntilText}' is not a date or time (use ISO 8601, e.g. 2027-01-31)");
                    return false;
                }

                parsedValidUntil = time;
            }

            if (!TryParseValue(fields[_value], parsedType, out var parsed, out error))
            {
                column = "value";
                return false;
            }

            entry = new IndicatorListEntry(record.Line, parsed, Field(fields, _actor), Field(fields, _source), parsedConfidence, parsedValidUntil);
            return true;
        }

        private static string? Field(IReadOnlyList<string> fields, int index) => index < 0 ? null : Blank(fields[index]);
    }
}
