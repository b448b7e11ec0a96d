using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// A record's text before normalization, or the problem that stopped it from being cut out.
/// <see cref="Bytes"/> is valid until the source moves on. <see cref="Unchecked"/>: see <see cref="RawRecord.Unchecked"/>.
/// </summary>
internal readonly record struct RawItem(ReadOnlyMemory<byte> Bytes, EventOrigin Origin, AuditLogFormat? Container, string? Error, bool Unchecked = false);
