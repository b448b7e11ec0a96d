using System.Buffers;
using System.Runtime.CompilerServices;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Cuts a stream of JSON into records without parsing them and without holding more than one record
/// in memory: JSON lines, concatenated (pretty-printed) objects, a top-level array, and wrapper objects
/// whose <c>records</c> (Azure Monitor, Event Hub) or <c>value</c> (Microsoft Graph pages) array holds
/// the records. Only structure is tracked (depth, strings, escapes, lines), so a record that is not
/// valid JSON still comes out whole, for the parser to say what is wrong with it.
/// Resynchronization, so one bad record does not take the good ones after it:
/// a raw line break inside a string (never valid JSON) ends the record as broken; once the first
/// record showed the file is JSON lines, every line break ends a record; and an object starting in
/// column 0 while a record is still open starts a new record (pretty-printers indent nested objects).
/// JSON lines, the common case, take a shortcut once the first record showed the file is made of
/// them (<see cref="JsonLinesShortcut"/>).
/// </summary>
internal sealed class JsonRecordSplitter : IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> Structure = SearchValues.Create("{}[]\":\n"u8);
    // Colons matter only while a top-level object may still be a wrapper ({"records": […]}).
    private static readonly SearchValues<byte> StructureWithoutColons = SearchValues.Create("{}[]\"\n"u8);

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    // Whether whole lines may be taken without tracking structure (off when a line is cut again).
    private readonly bool _wholeLines;
    // The line break that ends the line the structural pass is working through; no shortcut before it.
    private int _structuralUntil = -1;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _length;
    private int _pos;
    private bool _eof;
    private bool _started;
    private bool _reportedUnclosed;
    private int _line = 1;

    private int _depth;
    private bool _inString;
    private bool _escape;

    // Records are the values found at this depth: 0 for JSON lines, 1 in a top-level array, 2 in a wrapper's array.
    private int _collectionDepth;

    // The open record: start offset in the buffer (-1 when none), its line, whether it is a bare scalar.
    private int _recordStart = -1;
    private int _recordLine;
    private bool _recordIsScalar;
    private bool _recordTooLong;

    // After a wrapper's array closes, the rest of the wrapper object (@odata.nextLink…) is skipped.
    private bool _skippingWrapperTail;

    // JSON lines (each record on one line) is decided by the first record; until then null.
    private bool? _lines;

    // Wrapper detection, for a top-level object: keys so far were all "@odata.*", and the last key.
    private bool _wrapperPossible;
    private bool _wrapperKeyPending;
    private int _keyStart;
    private int _keyEnd;

    /// <param name="wholeLines">Whether JSON lines take the shortcut (see the type's remarks).</param>
    /// <param name="jsonLines">Whether the text is already known to be JSON lines; <paramref name="firstLine"/> numbers its first line.</param>
    public JsonRecordSplitter(Stream stream, int maxRecordBytes, bool wholeLines = true, bool jsonLines = false, int firstLine = 1)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _wholeLines = wholeLines;
        _lines = jsonLines ? true : null;
        _line = firstLine;
    }

    public int LinesRead => _line;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(out RawRecord record)
    {
        if (!_started)
        {
            _started = true;
            Fill();
            if (_length >= 3 && _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                _pos = 3;
            }
        }

        while (true)
        {
            if (_pos >= _length)
            {
                if (!_eof)
                {
                    Fill();
                    continue;
                }

                return AtEnd(out record);
            }

            if (_wholeLines && _lines == true && _pos > _structuralUntil && AtRest())
            {
                var rest = _buffer.AsSpan(_pos, _length - _pos);
                switch (JsonLinesShortcut.Take(rest, _eof, _maxRecordBytes, out var start, out var length, out var newline))
                {
                    case JsonLinesShortcut.Step.Taken:
                        record = new RawRecord(_buffer.AsMemory(_pos + start, length), _line, null, Unchecked: true);
                        _pos += newline + 1;
                        _line++;
                        return true;
                    case JsonLinesShortcut.Step.Skipped:
                        _pos += newline + 1;
                        _line++;
                        continue;
                    case JsonLinesShortcut.Step.NeedMore:
                        Fill();
                        continue;
                    case JsonLinesShortcut.Step.Structural:
                        // No shortcut up to the end of this line (or of what is read, without one).
                        _structuralUntil = newline < 0 ? _length : _pos + newline;
                        break;
                }
            }

            if (_escape)
            {
                _escape = false;
                if (_buffer[_pos] != (byte)'\n')
                {
                    _pos++;
                    continue;
                }
            }

            if (_inString)
            {
                var i = _buffer.AsSpan(_pos, _length - _pos).IndexOfAny(StringStops);
                if (i < 0)
                {
                    _pos = _length;
                    continue;
                }

                _pos += i;
                var s = _buffer[_pos];
                if (s == (byte)'\\')
                {
                    _escape = true;
                    _pos++;
                }
                else if (s == (byte)'"')
                {
                    _inString = false;
                    _keyEnd = _pos;
                    _pos++;
                    if (_recordIsScalar && _depth == _collectionDepth && _recordStart >= 0)
                    {
                        return Emit(_pos, out record);
                    }
                }
                else
                {
                    // A raw line break is never inside a valid JSON string: the record was cut off.
                    _line++;
                    _pos++;
                    if (_recordStart >= 0)
                    {
                        return Broken("the line ends inside a string (truncated record?)", out record);
                    }

                    _inString = false;
                }

                continue;
            }

            if ((_recordStart >= 0 || _recordTooLong) && !_recordIsScalar)
            {
                // Inside an object or array: jump to the next byte that matters.
                var i = NextStructural(_buffer.AsSpan(_pos, _length - _pos), _wrapperPossible);
                if (i < 0)
                {
                    _pos = _length;
                    continue;
                }

                _pos += i;
            }

            var b = _buffer[_pos];
            if (TryStep(b, out record))
            {
                return true;
            }
        }
    }

    /// <summary>Between records of JSON lines, with nothing open: where a line may be taken whole.</summary>
    private bool AtRest() =>
        _recordStart < 0 && !_recordTooLong && !_inString && !_escape && _depth == 0 && _collectionDepth == 0 && !_skippingWrapperTail;

    /// <summary>
    /// Where the next byte that matters is. Between tokens it is usually a few bytes on
    /// (<c>":"</c>, <c>",</c>), closer than a vector search pays for, so the first bytes are looked at one by one.
    /// </summary>
    private static int NextStructural(ReadOnlySpan<byte> rest, bool colons)
    {
        var near = Math.Min(rest.Length, 8);
        for (var i = 0; i < near; i++)
        {
            var b = rest[i];
            if (b is (byte)'"' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)'\n' || (colons && b == (byte)':'))
            {
                return i;
            }
        }

        var far = rest[near..].IndexOfAny(colons ? Structure : StructureWithoutColons);
        return far < 0 ? -1 : near + far;
    }

    /// <summary>Handles one byte outside a string; true when it completed a record (or an error).</summary>
    private bool TryStep(byte b, out RawRecord record)
    {
        record = default;
        var open = _recordStart >= 0 || _recordTooLong;
        switch (b)
        {
            case (byte)'\n':
                _line++;
                _pos++;
                if (!open)
                {
                    return false;
                }

                if (_recordIsScalar)
                {
                    return Emit(_pos - 1, out record);
                }

                if (_lines == true)
                {
                    return Broken("the line ends before the record does (truncated record?)", out record);
                }

                if (_pos < _length && _buffer[_pos] == (byte)'{')
                {
                    // An object in column 0 while one is open: the open one was cut off.
                    return Broken($"the record is not closed before line {_line} starts a new one (truncated record?)", out record);
                }

                return false;
            case (byte)' ' or (byte)'\t' or (byte)'\r':
                if (open && _recordIsScalar && _lines != true)
                {
                    return Emit(_pos, out record);
                }

                _pos++;
                return false;
            case (byte)',':
                if (open && _recordIsScalar && _lines != true)
                {
                    return Emit(_pos, out record);
                }

                _pos++;
                return false;
            case (byte)'"':
                if (!open && !_skippingWrapperTail && _depth == _collectionDepth)
                {
                    StartRecord(scalar: true);
                }
                else if (_wrapperKeyPending && _depth == 1)
                {
                    _wrapperPossible = _wrapperKeyPending = false;
                }

                _inString = true;
                _keyStart = _pos + 1;
                _pos++;
                return false;
            case (byte)':':
                if (open && _wrapperPossible && _depth == 1 && _collectionDepth == 0)
                {
                    var key = _buffer.AsSpan(_keyStart, Math.Max(0, _keyEnd - _keyStart));
                    if (key.SequenceEqual("records"u8) || key.SequenceEqual("value"u8))
                    {
                        _wrapperKeyPending = true;
                    }
                    else if (!key.StartsWith("@odata."u8))
                    {
                        _wrapperPossible = false;
                    }
                }

                _pos++;
                return false;
            case (byte)'{' or (byte)'[':
                if (!open && !_skippingWrapperTail && _depth == _collectionDepth)
                {
                    if (b == (byte)'[' && _collectionDepth == 0 && _lines != true)
                    {
                        _collectionDepth = _depth = 1;
                        _pos++;
                        return false;
                    }

                    StartRecord(scalar: false);
                    _wrapperPossible = _collectionDepth == 0 && b == (byte)'{';
                }
                else if (open && _wrapperKeyPending && _depth == 1)
                {
                    _wrapperKeyPending = false;
                    if (b == (byte)'[')
                    {
                        // {"records": [ … ]}: the records are the array's elements.
                        _recordStart = -1;
                        _recordTooLong = false;
                        _wrapperPossible = false;
                        _collectionDepth = _depth = 2;
                        _pos++;
                        return false;
                    }

                    _wrapperPossible = false;
                }

                _depth++;
                _pos++;
                return false;
            case (byte)'}' or (byte)']':
                _pos++;
                if (open && !_recordIsScalar)
                {
                    _depth--;
                    if (_depth == _collectionDepth)
                    {
                        return Emit(_pos, out record);
                    }

                    return false;
                }

                if (open)
                {
                    _pos--;
                    return Emit(_pos, out record);
                }

                if (_skippingWrapperTail)
                {
                    _depth--;
                    if (_depth == 0)
                    {
                        _skippingWrapperTail = false;
                    }

                    return false;
                }

                if (_depth > 0 && _depth == _collectionDepth)
                {
                    // The collection closes: a top-level array, or a wrapper's array whose object is skipped to its end.
                    _depth--;
                    if (_collectionDepth == 2)
                    {
                        _skippingWrapperTail = true;
                    }

                    _collectionDepth = 0;
                    return false;
                }

                record = new RawRecord(ReadOnlyMemory<byte>.Empty, _line, $"unexpected '{(char)b}'");
                return true;
            default:
                if (!open && !_skippingWrapperTail && _depth == _collectionDepth)
                {
                    StartRecord(scalar: true);
                }
                else if (_wrapperKeyPending && _depth == 1)
                {
                    _wrapperPossible = _wrapperKeyPending = false;
                }

                _pos++;
                return false;
        }
    }

    private void StartRecord(bool scalar)
    {
        // No key yet: a colon before the record's first string must not compare a key of an earlier
        // record, whose bytes a refill may have moved out of the buffer.
        _keyStart = _keyEnd = _pos;
        _recordStart = _pos;
        _recordLine = _line;
        _recordIsScalar = scalar;
        _recordTooLong = false;
        _wrapperPossible = false;
        _wrapperKeyPending = false;
    }

    private bool Emit(int end, out RawRecord record)
    {
        if (_lines is null && !_recordIsScalar)
        {
            _lines = _collectionDepth == 0 && _recordLine == _line;
        }

        if (_recordTooLong || (_recordStart >= 0 && end - _recordStart > _maxRecordBytes))
        {
            record = new RawRecord(ReadOnlyMemory<byte>.Empty, _recordLine, $"the record is longer than {_maxRecordBytes} bytes");
        }
        else
        {
            record = new RawRecord(_buffer.AsMemory(_recordStart, end - _recordStart), _recordLine, null);
        }

        _recordStart = -1;
        _recordIsScalar = false;
        _recordTooLong = false;
        _depth = _collectionDepth;
        return true;
    }

    private bool Broken(string reason, out RawRecord record)
    {
        record = new RawRecord(ReadOnlyMemory<byte>.Empty, _recordLine, reason);
        _recordStart = -1;
        _recordIsScalar = false;
        _recordTooLong = false;
        _inString = false;
        _escape = false;
        _wrapperPossible = _wrapperKeyPending = false;
        _depth = _collectionDepth;
        return true;
    }

    private bool AtEnd(out RawRecord record)
    {
        if (_recordStart >= 0 || _recordTooLong)
        {
            if (_recordIsScalar && !_inString)
            {
                return Emit(_length, out record);
            }

            _reportedUnclosed = true;
            return Broken("the file ends inside the record (truncated file?)", out record);
        }

        if ((_depth > 0 || _inString) && !_reportedUnclosed && !_skippingWrapperTail)
        {
            _reportedUnclosed = true;
            record = new RawRecord(ReadOnlyMemory<byte>.Empty, _line, "the file ends before its enclosing array or object is closed (truncated file?)");
            return true;
        }

        record = default;
        return false;
    }

    private void Fill()
    {
        var keep = _recordStart >= 0 ? _recordStart : _pos;
        if (_recordStart >= 0 && _length - _recordStart > _maxRecordBytes)
        {
            // Too long: keep scanning its structure to find its end, but stop keeping its bytes.
            _recordTooLong = true;
            _recordStart = -1;
            keep = _pos;
        }

        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _length - keep);
            _length -= keep;
            _pos -= keep;
            _keyStart -= keep;
            _keyEnd -= keep;
            _structuralUntil -= keep;
            if (_recordStart >= 0)
            {
                _recordStart -= keep;
            }
        }

        if (_buffer.Length - _length < ChunkSize / 2)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _length);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var n = _stream.Read(_buffer, _length, _buffer.Length - _length);
        if (n == 0)
        {
            _eof = true;
        }

        _length += n;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
