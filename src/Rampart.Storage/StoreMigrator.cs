using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Rampart.Storage;

/// <summary>
/// Applies every module's migrations in one transaction under a cross-process lock: SQLite's write
/// lock (BEGIN IMMEDIATE; its DDL is transactional) or PostgreSQL's <c>pg_advisory_xact_lock</c>.
/// A process that waited for the lock finds the work done and applies nothing.
/// </summary>
internal sealed class StoreMigrator(
    StoreDatabase database,
    IEnumerable<StorageModule> modules,
    TimeProvider time,
    ILogger<StoreMigrator> logger) : IStoreMigrator
{
    /// <summary>"RAMPART" in ASCII: the advisory lock every Rampart process takes to migrate.</summary>
    internal const long PostgresMigrationLockKey = 0x52_41_4D_50_41_52_54;

    private const string CreateSqliteHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module TEXT NOT NULL,
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL,
            PRIMARY KEY (module, version)
        );
        """;

    private const string CreatePostgresHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module text COLLATE "C" NOT NULL,
            version integer NOT NULL,
            name text NOT NULL,
            applied_at bigint NOT NULL,
            PRIMARY KEY (module, version)
        );
        """;

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Migration scripts are resources embedded in this assembly.")]
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var ordered = modules
            .DistinctBy(m => m.Name, StringComparer.Ordinal)
            .OrderBy(m => m.Name == StorageModule.PlatformName ? 0 : 1)
            .ToList();
        var pending = ordered.SelectMany(m => Migration.Load(m, database.Provider)).ToList();

        if (database is PostgresStoreDatabase postgres)
        {
            await PostgresDatabaseCreator.EnsureExistsAsync(postgres.ConnectionString, logger, cancellationToken).ConfigureAwait(false);
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockAndCreateHistoryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var applied = (await connection.QueryAsync<(string Module, int Version)>(new CommandDefinition(
                "SELECT module, version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(row => (row.Module, row.Version))
            .ToHashSet();

        var count = 0;
        foreach (var migration in pending.Where(m => !applied.Contains((m.Module, m.Version))))
        {
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (migration.Step is { } step)
            {
                await step(new MigrationStepContext(connection, transaction, database.Provider, time.GetUtcNow(), cancellationToken)).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@Module, @Version, @Name, @AppliedAt)",
                new { migration.Module, migration.Version, migration.Name, AppliedAt = StoreTime.ToStore(time.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            Log.MigrationApplied(logger, migration.Module, migration.Version, migration.Name);
            count++;
        }

        // Committing nothing is as cheap as rolling back and releases the lock the same way.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        if (count == 0)
        {
            Log.StoreUpToDate(logger);
        }

        return count;
    }

    private async Task LockAndCreateHistoryAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        switch (database.Provider)
        {
            case StoreProvider.Sqlite:
                // BEGIN IMMEDIATE already holds the database's write lock.
                await connection.ExecuteAsync(new CommandDefinition(CreateSqliteHistory, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                break;
            case StoreProvider.Postgres:
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_xact_lock(@Key)", new { Key = PostgresMigrationLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(CreatePostgresHistory, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown store provider {database.Provider}.");
        }
    }
}
