using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Rampart.Storage;

/// <summary>
/// SQLite connections: pooled, WAL (readers never block the writer), foreign keys on (connection
/// string), and a busy timeout so a writer waits for another process's write instead of failing.
/// </summary>
internal sealed class SqliteStoreDatabase(string connectionString) : StoreDatabase
{
    /// <summary>5 s: longer than any single write transaction we make, short enough to report a stuck lock.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    // journal_mode=WAL is persistent in the file; setting it once per process is enough. page_size only
    // applies while the file is still empty (a store made before keeps its pages): 16 KB pages halved
    // SQLite's own CPU in the bulk STIX import (200k objects, sqlite3 shell: 3.5 → 2.1 CPU-s), fewer
    // pages and WAL frames written per row, at the price of a 16 KB frame for a one-row change.
    private const string FirstOpenPragmas = "PRAGMA busy_timeout = 5000; PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;";
    private const string EveryOpenPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;";

    private int _walSet;

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Volatile.Read(ref _walSet) == 1
                ? new SqliteCommand(EveryOpenPragmas, connection)
                : new SqliteCommand(FirstOpenPragmas, connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _walSet, 1);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = Volatile.Read(ref _walSet) == 1
                ? new SqliteCommand(EveryOpenPragmas, connection)
                : new SqliteCommand(FirstOpenPragmas, connection);
            command.ExecuteNonQuery();
            Volatile.Write(ref _walSet, 1);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A rollback journal while the change lasts, when no other connection has the store open (<see cref="SqliteStoreHold"/>).</summary>
    public override IDisposable? Hold(DbConnection connection) =>
        SqliteStoreHold.TryTake((SqliteConnection)connection, () => Volatile.Write(ref _walSet, 0));

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false));

    protected override void Dispose(bool disposing)
    {
        // Closes this file's pooled connections so the folder can be deleted or moved.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        base.Dispose(disposing);
    }
}
