using System.Text;

namespace Rampart.Core.Text;

/// <summary>One CSV record and the 1-based line it starts on (a quoted field may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside, CRLF or LF.
/// Never throws on malformed text: a stray quote is reported with the record's line and reading goes
/// on at the next record; an unterminated quote takes the rest of the text into that one bad record.
/// </summary>
public sealed class CsvReader(TextReader reader, int maxRecordLength = CsvReader.DefaultMaxRecordLength)
{
    /// <summary>A record longer than this is refused (and skipped) rather than buffered without end.</summary>
    public const int DefaultMaxRecordLength = 64 * 1024;

    private int _line = 1;

    /// <summary>Reads the next record; false at the end. <paramref name="error"/> is set when the record is malformed.</summary>
    public bool TryRead(out CsvRecord record, out string? error)
    {
        record = new CsvRecord(_line, []);
        error = null;
        var next = reader.Peek();
        if (next < 0)
        {
            return false;
        }

        var start = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var length = 0;
        var quoted = false;
        var fieldWasQuoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c >= 0 && ++length > maxRecordLength && error is null)
            {
                error = $"record is longer than {maxRecordLength} characters";
            }

            if (quoted)
            {
                if (c < 0)
                {
                    error ??= "quoted field is not closed";
                    break;
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    if (error is null)
                    {
                        field.Append((char)c);
                    }
                }

                continue;
            }

            if (c < 0 || c == '\n' || (c == '\r' && reader.Peek() is '\n' or -1))
            {
                if (c == '\r')
                {
                    reader.Read();
                }

                if (c >= 0)
                {
                    _line++;
                }

                fields.Add(field.ToString());
                break;
            }

            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == '"' || fieldWasQuoted)
            {
                error ??= fieldWasQuoted ? "text after a closing quote" : "quote inside an unquoted field";
            }
            else if (error is null)
            {
                field.Append((char)c);
            }
        }

        record = new CsvRecord(start, error is null ? fields : []);
        return true;
    }
}
