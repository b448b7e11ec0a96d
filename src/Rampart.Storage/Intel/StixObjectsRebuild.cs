using Dapper;

namespace Rampart.Storage.Intel;

/// <summary>
/// What the SQLite migration steps that rebuild <c>stix_objects</c> share (SQLite cannot change a table's keys or
/// constraints in place): the table's definition and columns as they stand, and the rebuild itself — the new table
/// filled, the old one dropped, the new one renamed, then every index and trigger that was on the table created again.
/// </summary>
internal static class StixObjectsRebuild
{
    /// <summary>The table's CREATE statement (with any column added since) and its columns in order.</summary>
    public static async Task<(string Table, string Columns)> ReadAsync(MigrationStepContext context)
    {
        var table = await context.Connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'stix_objects'", transaction: context.Transaction, cancellationToken: context.CancellationToken)).ConfigureAwait(false);
        var columns = string.Join(", ", await context.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM pragma_table_info('stix_objects') ORDER BY cid", transaction: context.Transaction, cancellationToken: context.CancellationToken)).ConfigureAwait(false));
        return (table, columns);
    }

    /// <summary>
    /// <paramref name="fill"/> creates and fills <c>stix_objects_rebuilt</c>; it then replaces <c>stix_objects</c>, and the
    /// indexes and triggers the old table had (not its constraints' own indexes) are created on it again.
    /// </summary>
    public static async Task RunAsync(MigrationStepContext context, string fill)
    {
        var kept = (await context.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'stix_objects' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
            transaction: context.Transaction, cancellationToken: context.CancellationToken)).ConfigureAwait(false)).ToList();

        await ExecuteAsync(context, $"""
            {fill}
            DROP TABLE stix_objects;
            ALTER TABLE stix_objects_rebuilt RENAME TO stix_objects;
            """).ConfigureAwait(false);

        foreach (var sql in kept)
        {
            await ExecuteAsync(context, sql).ConfigureAwait(false);
        }
    }

    public static Task<int> ExecuteAsync(MigrationStepContext context, string sql) =>
        context.Connection.ExecuteAsync(new CommandDefinition(sql, transaction: context.Transaction, cancellationToken: context.CancellationToken));
}
