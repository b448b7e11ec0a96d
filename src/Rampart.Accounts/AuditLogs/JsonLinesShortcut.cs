using System.Buffers;
using System.Runtime.CompilerServices;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// The JSON lines shortcut of <see cref="JsonRecordSplitter"/>: once the first record showed the file
/// is made of JSON lines, a line that looks like one object (<c>{</c> … <c>}</c>, its first member not a
/// wrapper's) comes out whole, found by one vector search for the line break, without its structure
/// being tracked (<see cref="RawRecord.Unchecked"/>). The parser validates every record anyway; a line
/// it rejects is cut again by <see cref="SplitLine"/> with structure tracked, so a bad line is reported
/// as the structural pass reports it and a good record sharing its line is still read.
/// </summary>
internal static class JsonLinesShortcut
{
    // White space around a record on its line (a line break ends the line).
    private static readonly SearchValues<byte> LineSpace = SearchValues.Create(" \t\r"u8);

    /// <summary>What <see cref="Take"/> found at the start of a line.</summary>
    public enum Step
    {
        /// <summary>A record, taken whole.</summary>
        Taken,

        /// <summary>A blank line, stepped over.</summary>
        Skipped,

        /// <summary>The line's break is not read yet.</summary>
        NeedMore,

        /// <summary>The structural pass cuts this line.</summary>
        Structural,
    }

    /// <summary>
    /// The rest of the line at the start of <paramref name="rest"/>, up to its break (<paramref name="newline"/>,
    /// -1 when none): taken whole when it looks like one object (the record from <paramref name="start"/>,
    /// <paramref name="length"/> bytes), skipped when blank; otherwise the structural pass handles the
    /// line. The last line of a file without a break after it always goes the structural way (a
    /// cut-off record there is reported as the file ending inside it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Step Take(ReadOnlySpan<byte> rest, bool atEnd, int maxRecordBytes, out int start, out int length, out int newline)
    {
        start = length = 0;
        newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return !atEnd && rest.Length <= maxRecordBytes ? Step.NeedMore : Step.Structural;
        }

        var line = rest[..newline];
        var first = line.IndexOfAnyExcept(LineSpace);
        if (first < 0)
        {
            return Step.Skipped;
        }

        var text = line[first..(line.LastIndexOfAnyExcept(LineSpace) + 1)];
        if (text.Length < 2 || text[0] != (byte)'{' || text[^1] != (byte)'}' || text.Length > maxRecordBytes || MayBeWrapper(text))
        {
            return Step.Structural;
        }

        (start, length) = (first, text.Length);
        return Step.Taken;
    }

    /// <summary>
    /// Cuts one line that came out <see cref="RawRecord.Unchecked"/> and did not read as a record, as
    /// the structural pass would have cut it (records copied out, lines numbered from <paramref name="line"/>):
    /// the pieces of a line that held more than one value, or the reason a cut-off record is broken.
    /// </summary>
    public static List<RawRecord> SplitLine(ReadOnlySpan<byte> text, int line, int maxRecordBytes)
    {
        var bytes = new byte[text.Length + 1];
        text.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        using var splitter = new JsonRecordSplitter(new MemoryStream(bytes, writable: false), maxRecordBytes, wholeLines: false, jsonLines: true, firstLine: line);
        var records = new List<RawRecord>();
        while (splitter.TryRead(out var record))
        {
            records.Add(record with { Bytes = record.Bytes.ToArray() });
        }

        return records;
    }

    /// <summary>
    /// Whether the structural pass could take the object for a wrapper (<c>{"records": [</c>,
    /// <c>{"value": [</c>, <c>@odata.*</c> members first) or needs to look at what precedes its first
    /// member: those lines go the structural way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MayBeWrapper(ReadOnlySpan<byte> text)
    {
        var inner = text[1..];
        var at = inner.IndexOfAnyExcept(LineSpace);
        if (inner[at] != (byte)'"')
        {
            return inner[at] != (byte)'}';
        }

        var key = inner[(at + 1)..];
        return key.StartsWith("records\""u8) || key.StartsWith("value\""u8) || key.StartsWith("@odata."u8);
    }
}
