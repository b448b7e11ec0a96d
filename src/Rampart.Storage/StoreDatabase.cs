using System.Data.Common;

namespace Rampart.Storage;

/// <summary>
/// Opens connections to the store and begins write transactions the way its provider needs; one per
/// process (a singleton), so that connections are pooled.
/// </summary>
internal abstract class StoreDatabase : IAsyncDisposable, IDisposable
{
    public abstract StoreProvider Provider { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>For the few synchronous callers (ASP.NET's key repository).</summary>
    public abstract DbConnection Open();

    /// <summary>
    /// Begins a transaction that will write: SQLite takes the write lock now (IMMEDIATE), so two
    /// writers never deadlock upgrading read locks; PostgreSQL uses READ COMMITTED and row locks.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// For a change that asked for <see cref="Rampart.Core.Storage.StoreAccess.Exclusive"/>, before its transaction
    /// begins: holds the store for this connection until the returned hold is disposed, or returns null when
    /// the provider gains nothing from it or another connection has the store open.
    /// </summary>
    public virtual IDisposable? Hold(DbConnection connection) => null;

    public static StoreDatabase Create(StoreLocation location) => location.Provider switch
    {
        StoreProvider.Sqlite => new SqliteStoreDatabase(location.ConnectionString),
        StoreProvider.Postgres => new PostgresStoreDatabase(location.ConnectionString),
    };

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}
