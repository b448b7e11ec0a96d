using Microsoft.Data.Sqlite;

namespace Rampart.Storage;

/// <summary>
/// SQLite's side of <see cref="Rampart.Core.Storage.StoreAccess.Exclusive"/>: the file switched from WAL to a
/// rollback journal for one bulk change, and back once it has ended. WAL writes every page twice, into the
/// log and again into the database at the checkpoint; a rollback journal keeps only the old content of the
/// pages a change alters, and the pages it adds past the end of the file go straight into it, once. A first
/// import of 1M STIX indicators (1.37 GB of pages) took 18.0 s in WAL, 6 of them the commit's checkpoint,
/// and 11.2 s this way. The switch needs the file to itself: SQLite refuses it at once (busy) while any
/// other connection, of this process or another, has the store open, and the change then runs in WAL.
/// </summary>
/// <remarks>
/// While the hold lasts, a process that opens the store waits (Microsoft.Data.Sqlite retries a locked store
/// for its command timeout, 30 s), and reads wait once the change has begun writing pages out.
/// synchronous=FULL for the duration: with a rollback journal, NORMAL may lose the change, or worse, on
/// power loss. A kill leaves a hot journal that the next connection rolls back, and
/// the next process to open the store sets WAL again (<see cref="SqliteStoreDatabase"/>).
/// </remarks>
internal sealed class SqliteStoreHold : IDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly SqliteConnection _connection;
    private readonly Action _walNotRestored;
    private SqliteWriteBehind? _writeBehind;

    private SqliteStoreHold(SqliteConnection connection, Action walNotRestored)
    {
        _connection = connection;
        _walNotRestored = walNotRestored;
    }

    /// <summary>The hold, or null when another connection has the store open (or the file cannot leave WAL).</summary>
    /// <param name="walNotRestored">Called when WAL could not be set again at the end, so the next open sets it.</param>
    public static SqliteStoreHold? TryTake(SqliteConnection connection, Action walNotRestored)
    {
        string? mode;
        try
        {
            mode = Pragma(connection, "PRAGMA journal_mode = DELETE");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            return null;
        }

        var hold = new SqliteStoreHold(connection, walNotRestored);
        if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
        {
            hold.Dispose();
            return null;
        }

        Pragma(connection, "PRAGMA synchronous = FULL");
        hold._writeBehind = SqliteWriteBehind.Start(connection);
        return hold;
    }

    public void Dispose()
    {
        _writeBehind?.Dispose();
        try
        {
            var mode = Pragma(_connection, "PRAGMA journal_mode = WAL");
            Pragma(_connection, "PRAGMA synchronous = NORMAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                _walNotRestored();
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            // A process that opened the store meanwhile still reads it; the next open sets WAL.
            _walNotRestored();
        }
    }

    /// <summary>
    /// Through <see cref="SqliteStatement"/>: a refusal comes back at once. A SqliteCommand would retry a busy
    /// statement until its command timeout (30 s) before the change could go on in WAL.
    /// </summary>
    private static string? Pragma(SqliteConnection connection, string pragma)
    {
        using var statement = new SqliteStatement(connection, pragma);
        return statement.Step() ? statement.GetText(0) : null;
    }
}
