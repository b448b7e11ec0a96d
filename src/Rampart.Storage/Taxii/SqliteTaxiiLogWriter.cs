using Microsoft.Data.Sqlite;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Taxii;

/// <summary>
/// Appends one import's log rows (<c>collection_id</c> NULL: the version as stored) in multi-row
/// inserts bound by position. <c>date_added</c> is what the old trigger gave each row,
/// MAX(imported_at × 1000, the last date_added + 1): the import holds SQLite's one write lock from
/// its first statement to its commit, so the last value is read once and counted on from there.
/// </summary>
internal sealed class SqliteTaxiiLogWriter : IStixVersionLogWriter
{
    /// <summary>Rows per statement; the rest of a batch goes row by row.</summary>
    private const int RowsPerInsert = 50;

    private readonly SqliteConnection _connection;
    private readonly long _importedAtMicros;
    private long? _next;
    private SqliteStatement? _many;
    private SqliteStatement? _one;

    public SqliteTaxiiLogWriter(ChangeTransaction change)
    {
        _connection = (SqliteConnection)change.Connection;
        _importedAtMicros = change.NowStore * 1000;
    }

    public void Append(IReadOnlyList<(string Id, string Version)> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            return;
        }

        var next = _next ??= Math.Max(_importedAtMicros, LastDateAdded() + 1);
        var row = 0;
        if (versions.Count >= RowsPerInsert)
        {
            var many = _many ??= Prepare(RowsPerInsert);
            for (; row + RowsPerInsert <= versions.Count; row += RowsPerInsert)
            {
                for (var i = 0; i < RowsPerInsert; i++)
                {
                    Bind(many, i, next++, versions[row + i]);
                }

                many.Execute();
            }
        }

        var one = _one ??= Prepare(1);
        for (; row < versions.Count; row++)
        {
            Bind(one, 0, next++, versions[row]);
            one.Execute();
        }

        _next = next;
    }

    private long LastDateAdded()
    {
        using var last = new SqliteStatement(_connection, "SELECT COALESCE(MAX(date_added), 0) FROM taxii_log");
        last.Step();
        return last.GetInt64(0);
    }

    /// <summary>
    /// Row r binds ?(3r+1) date_added, ?(3r+2) id, ?(3r+3) modified: numbered only, so no name can alias a
    /// number. OR FAIL: no statement journal (a failure fails the import's whole transaction).
    /// </summary>
    private SqliteStatement Prepare(int rows) => new(
        _connection,
        "INSERT OR FAIL INTO taxii_log (date_added, collection_id, id, modified) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(r => $"(?{(3 * r) + 1}, NULL, ?{(3 * r) + 2}, ?{(3 * r) + 3})")));

    private static void Bind(SqliteStatement insert, int row, long dateAdded, (string Id, string Version) version)
    {
        insert.Bind((3 * row) + 1, dateAdded);
        insert.Bind((3 * row) + 2, version.Id);
        insert.Bind((3 * row) + 3, version.Version);
    }

    public void Dispose()
    {
        _many?.Dispose();
        _one?.Dispose();
    }
}
