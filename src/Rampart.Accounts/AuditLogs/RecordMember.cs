using System.Text.Json;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// One member of a record's object: its name (with its <see cref="NameTable"/> fold), its raw name
/// (escaped, without quotes) and its raw value (a string with its quotes), as offsets into the record.
/// </summary>
internal readonly record struct RecordMember(string Name, int Fold, int NameStart, int NameLength, int ValueStart, int ValueLength, JsonTokenType Kind);
