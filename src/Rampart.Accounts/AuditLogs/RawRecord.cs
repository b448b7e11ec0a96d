namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// One record's text as the splitter found it, or why it could not be taken: <see cref="Bytes"/>
/// is valid until the next read; <see cref="Error"/> is set (and the bytes empty) for a record
/// that is truncated, too long or cut off by the next one. <see cref="Unchecked"/>: a whole line
/// taken without tracking its structure (see <see cref="JsonRecordSplitter"/>); when it does not read
/// as a record, <see cref="JsonLinesShortcut.SplitLine"/> cuts it again.
/// </summary>
internal readonly record struct RawRecord(ReadOnlyMemory<byte> Bytes, int Line, string? Error, bool Unchecked = false);
