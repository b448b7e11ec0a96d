namespace Rampart.Accounts.AuditLogs;

/// <summary>What an event holds when the reader hands it to the rules, before it is completed (see <c>AuditLogReader.Read</c>).</summary>
internal enum EventDetail
{
    /// <summary>Every typed field.</summary>
    Full,

    /// <summary>
    /// What selects and orders it (logsource, origin, format, timestamp, workload): a scan needs the
    /// account, address, operation and result only of the few events a rule matched.
    /// </summary>
    Selection,

    /// <summary>
    /// Every typed field, but a plainly written IPv4 client address as its number (<c>AuditEvent.ClientIPv4</c>),
    /// not an <see cref="System.Net.IPAddress"/>: an audit tallies the account, address, app and operation
    /// of every record, and makes the address only for the events a rule matched.
    /// </summary>
    Access,
}
