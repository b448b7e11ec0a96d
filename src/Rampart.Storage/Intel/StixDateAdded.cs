namespace Rampart.Storage.Intel;

/// <summary>
/// Intel migration 5 on SQLite: <c>stix_objects</c> rebuilt with <c>date_added INTEGER PRIMARY KEY</c>
/// (see the script). Existing versions get the values TAXII's first migration gave them — the earliest
/// import time in microseconds plus their rank in (revision, id, modified) order — and TAXII's own
/// migration then puts back the ones its log served. The table's other indexes and any trigger on it
/// (TAXII's log trigger of stores older than taxii/sqlite/0003, which drops it) are created again as
/// they were.
/// </summary>
internal static class StixDateAdded
{
    public const int Version = 5;

    public static async Task RunAsync(MigrationStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Provider != StoreProvider.Sqlite)
        {
            return;
        }

        // The table as it stands (with any column added since 0002), its primary key turned into a unique key.
        var (table, columns) = await StixObjectsRebuild.ReadAsync(context).ConfigureAwait(false);
        var rebuilt = Replace(Replace(table, "CREATE TABLE stix_objects (", "CREATE TABLE stix_objects_rebuilt (\n    date_added INTEGER PRIMARY KEY,"), "PRIMARY KEY (id, modified)", "UNIQUE (id, modified)");
        await StixObjectsRebuild.RunAsync(context, $"""
            {rebuilt};
            INSERT INTO stix_objects_rebuilt (date_added, {columns})
            SELECT (SELECT COALESCE(MIN(imported_at), 0) * 1000 FROM stix_objects) + ROW_NUMBER() OVER (ORDER BY revision, id, modified), {columns}
            FROM stix_objects;
            """).ConfigureAwait(false);
    }

    /// <summary>One replacement that must happen: a table that no longer reads as 0002 wrote it fails the migration rather than lose its key.</summary>
    private static string Replace(string sql, string what, string with) =>
        sql.Contains(what, StringComparison.Ordinal)
            ? sql.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"stix_objects cannot be rebuilt: its definition has no '{what}'.");
}
