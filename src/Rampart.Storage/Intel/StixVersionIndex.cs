using System.Text.RegularExpressions;

namespace Rampart.Storage.Intel;

/// <summary>
/// Intel migration 8 on SQLite: <c>stix_objects</c> rebuilt without the table constraint <c>UNIQUE (id, modified)</c>,
/// which becomes the index <c>stix_objects_version</c> (see the script). Every row keeps its <c>date_added</c> (the
/// row id) and columns; the table's other indexes and any trigger on it are created again as they were.
/// </summary>
internal static partial class StixVersionIndex
{
    public const int Version = 8;

    /// <summary>The index that keeps one row per (id, modified) on SQLite.</summary>
    public const string Create = "CREATE UNIQUE INDEX stix_objects_version ON stix_objects (id, modified)";

    public static async Task RunAsync(MigrationStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Provider != StoreProvider.Sqlite)
        {
            return;
        }

        var (table, columns) = await StixObjectsRebuild.ReadAsync(context).ConfigureAwait(false);

        // After intel 0005's rename SQLite keeps the name quoted: CREATE TABLE "stix_objects" (…).
        var head = TableHead().Match(table);
        if (TableConstraint().Count(table) != 1 || !head.Success)
        {
            throw new InvalidOperationException("stix_objects cannot be rebuilt: its definition does not hold exactly one 'UNIQUE (id, modified)'.");
        }

        var rebuilt = "CREATE TABLE stix_objects_rebuilt (" + TableConstraint().Replace(table, string.Empty)[head.Length..];
        await StixObjectsRebuild.RunAsync(context, $"""
            {rebuilt};
            INSERT INTO stix_objects_rebuilt ({columns}) SELECT {columns} FROM stix_objects ORDER BY date_added;
            """).ConfigureAwait(false);
        await StixObjectsRebuild.ExecuteAsync(context, Create).ConfigureAwait(false);
    }

    /// <summary>The constraint with the comma before it, wherever columns added later put it.</summary>
    [GeneratedRegex(@",\s*UNIQUE \(id, modified\)")]
    private static partial Regex TableConstraint();

    [GeneratedRegex("""^CREATE TABLE "?stix_objects"? \(""")]
    private static partial Regex TableHead();
}
