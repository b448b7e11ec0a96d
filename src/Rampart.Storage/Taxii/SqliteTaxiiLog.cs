using Microsoft.Data.Sqlite;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Taxii;

/// <summary>
/// On SQLite the versions a STIX import stores carry their <c>date_added</c> themselves (the row id of
/// <c>stix_objects</c>, taxii/sqlite/0004); the log keeps what was added to inboxes and case collections.
/// Both draw from one strictly increasing sequence: the import starts after the log's last value, read
/// under SQLite's one write lock that the import holds until it commits. PostgreSQL's log is written by
/// its statement-level trigger and is not asked.
/// </summary>
internal sealed class SqliteTaxiiLog : IStixVersionLog
{
    public long LastDateAdded(ChangeTransaction change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var last = new SqliteStatement((SqliteConnection)change.Connection, "SELECT COALESCE(MAX(date_added), 0) FROM taxii_log");
        last.Step();
        return last.GetInt64(0);
    }
}
