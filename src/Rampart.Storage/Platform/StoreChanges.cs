using System.Data.Common;
using Dapper;
using Rampart.Core;
using Rampart.Core.Auditing;
using Rampart.Core.Storage;

namespace Rampart.Storage.Platform;

/// <summary>
/// The one way every store writes: begin a write transaction → bump the store revision → do the work
/// → write its audit entries → commit. A change and its audit entry land together or not at all; a
/// change that audited nothing is rolled back, so "nothing changed" never advances the revision.
/// </summary>
/// <remarks>
/// Bumping first takes the revision row's lock (PostgreSQL) or the write lock (SQLite, IMMEDIATE),
/// which orders writers across processes: revisions commit in order, and a check-then-insert inside
/// a change (the first admin) cannot race.
/// </remarks>
internal sealed class StoreChanges(StoreDatabase database, TimeProvider time)
{
    private const string BumpRevision = "UPDATE store_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision";

    private const string InsertAudit = """
        INSERT INTO audit_log (id, at, who, channel, from_address, action, target, detail, revision)
        VALUES (@Id, @At, @Who, @Channel, @From, @Action, @Target, @Detail, @Revision)
        """;

    public StoreDatabase Database => database;

    public TimeProvider Time => time;

    public Task<T> RunAsync<T>(ChangeContext context, Func<ChangeTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(context, StoreAccess.Shared, work, cancellationToken);

    /// <summary>As the other overload; with <see cref="StoreAccess.Exclusive"/> the change may hold the store for itself (<see cref="StoreDatabase.Hold"/>).</summary>
    public async Task<T> RunAsync<T>(ChangeContext context, StoreAccess access, Func<ChangeTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Declared before the transaction, so released after it has committed or rolled back.
        using var hold = access == StoreAccess.Exclusive ? database.Hold(connection) : null;
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var (result, audited) = await RunInAsync(connection, transaction, database.Provider, time.GetUtcNow(), context, work, cancellationToken).ConfigureAwait(false);
        if (!audited)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return result;
        }

        // Not cancellable: once the work is done, a half-sent COMMIT helps nobody.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Bump, work and audit inside a transaction someone else owns (a migration step); false when the
    /// work audited nothing, and then the caller must not commit the bump.
    /// </summary>
    internal static async Task<(T Result, bool Audited)> RunInAsync<T>(
        DbConnection connection,
        DbTransaction transaction,
        StoreProvider provider,
        DateTimeOffset now,
        ChangeContext context,
        Func<ChangeTransaction, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var revision = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            BumpRevision, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var change = new ChangeTransaction(connection, transaction, provider, revision, now, context, cancellationToken);
        var result = await work(change).ConfigureAwait(false);
        foreach (var (action, target, detail) in change.Entries)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertAudit, new
            {
                Id = RampartId.New("audit"),
                At = change.NowStore,
                context.Who,
                Channel = StoreNames.ToStore(context.Channel),
                context.From,
                Action = action,
                Target = target,
                Detail = detail,
                Revision = revision,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return (result, change.Entries.Count > 0);
    }
}
