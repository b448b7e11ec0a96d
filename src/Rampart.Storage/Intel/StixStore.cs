using System.Runtime.CompilerServices;
using Dapper;
using Rampart.Core.Auditing;
using Rampart.Core.Stix;
using Rampart.Core.Storage;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// STIX objects: every version kept under (id, modified), the newest one read. Imports run in one
/// change transaction (<see cref="StixImportWriter"/> writes inside it), so a file lands whole or not at all.
/// </summary>
internal sealed class StixStore(StoreChanges changes, IStixVersionLog? log = null) : IStixStore
{
    /// <summary>
    /// SQLite: a bulk import sets the indicators' stix_ref index aside once it has written this many indicators
    /// (<see cref="StixImportWriter"/>); smaller imports keep it, so they never rebuild an index for a few rows.
    /// </summary>
    internal const int SetAsideStixRefIndexAfter = 10_000;

    /// <summary>For tests: the threshold of <see cref="SetAsideStixRefIndexAfter"/>.</summary>
    internal int SetAsideAfter { get; init; } = SetAsideStixRefIndexAfter;

    /// <summary>For tests: <see cref="ImportedIdTable.MaxVersions"/>.</summary>
    internal int MaxImportedIds { get; init; } = ImportedIdTable.MaxVersions;

    public Task<T> ImportAsync<T>(string source, Func<IStixImportWriter, Task<T>> import, ChangeContext context, CancellationToken cancellationToken) =>
        ImportAsync(source, import, context, StoreAccess.Shared, cancellationToken);

    public Task<T> ImportAsync<T>(string source, Func<IStixImportWriter, Task<T>> import, ChangeContext context, StoreAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(import);
        return changes.RunAsync(context, access, async change =>
        {
            using var writer = new StixImportWriter(change, source, log, SetAsideAfter, MaxImportedIds);
            var result = await import(writer).ConfigureAwait(false);
            writer.RestoreIndexes();
            var counts = writer.Counts;
            if (counts.Added + counts.IndicatorsAdded + counts.IndicatorsUpdated + writer.Revoked + writer.Attributed > 0)
            {
                change.Audit("stix.import", source,
                    $"objects added={counts.Added} unchanged={counts.Unchanged} indicators added={counts.IndicatorsAdded} updated={counts.IndicatorsUpdated} revoked={writer.Revoked} attributed={writer.Attributed}");
            }

            return result;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<StoredStixObject> StreamAsync(StixSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var conditions = new List<string> { StixObjectRow.NewestOnly };
        if (selection.Ids is not null)
        {
            conditions.Add(In("o.id", "Ids"));
        }

        if (selection.Types is not null)
        {
            conditions.Add(In("o.type", "Types"));
        }

        if (selection.ModifiedFrom is not null)
        {
            conditions.Add("o.modified >= @From");
        }

        if (selection.ModifiedUntil is not null)
        {
            conditions.Add("o.modified < @Until AND o.modified <> ''");
        }

        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = connection.QueryUnbufferedAsync<StixObjectRow>(
            $"SELECT {StixObjectRow.Columns} FROM stix_objects o WHERE {string.Join(" AND ", conditions)} ORDER BY o.id",
            new
            {
                Ids = selection.Ids?.ToArray(),
                Types = selection.Types?.ToArray(),
                From = StixObjectRow.ToVersion(selection.ModifiedFrom),
                Until = StixObjectRow.ToVersion(selection.ModifiedUntil),
            });
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return row.ToObject();
        }
    }

    public async Task<IReadOnlyList<StoredStixObject>> RelationshipsOfAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StixObjectRow>(new CommandDefinition(
            $"SELECT {StixObjectRow.Columns} FROM stix_objects o WHERE ({In("o.source_ref", "Ids")} OR {In("o.target_ref", "Ids")}) AND {StixObjectRow.NewestOnly} ORDER BY o.id",
            new { Ids = ids.ToArray() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToObject()).ToList();
    }

    /// <summary>A list parameter: Dapper expands it for SQLite; PostgreSQL takes it as one array.</summary>
    private string In(string column, string parameter) => In(changes.Database.Provider, column, parameter);

    internal static string In(StoreProvider provider, string column, string parameter) => provider switch
    {
        StoreProvider.Sqlite => $"{column} IN @{parameter}",
        StoreProvider.Postgres => $"{column} = ANY(@{parameter})",
    };

    /// <summary>
    /// The name, in any case, against a lower-cased parameter: SQLite's NOCASE folds ASCII as its lower() does
    /// and its index carries no expression (sqlite/0007); PostgreSQL's lower() folds all of Unicode.
    /// </summary>
    private string NameIs => changes.Database.Provider == StoreProvider.Sqlite ? "o.name = @Name COLLATE NOCASE" : "lower(o.name) = @Name";

    /// <summary>
    /// The types <c>stix_objects_name</c> indexes, as its partial WHERE names them. A look-up by name repeats the
    /// term word for word: from <c>o.type = @Type</c> alone SQLite cannot tell that the partial index applies.
    /// </summary>
    private static readonly string[] NamedTypes = ["intrusion-set", "threat-actor", "attack-pattern", "malware", "tool", "campaign"];

    private static readonly string NamedTypesTerm = $"o.type IN ({string.Join(", ", NamedTypes.Select(t => $"'{t}'"))})";

    /// <summary>
    /// The look-up of <see cref="FindAsync"/>: by name, through the partial name index where the type has one, and
    /// by external id, as a UNION of the two: SQLite 3.53 does not take two indexes for an OR of them when one is
    /// partial, and scanned all of stix_objects instead (a store of 1M indicators: 8 s for each `rampart actors
    /// show`, and two such scans per alias for an actor's STIX export).
    /// </summary>
    internal string FindSql(string type)
    {
        var byName = NamedTypes.Contains(type) ? $"{NameIs} AND {NamedTypesTerm}" : NameIs;
        return $"""
            SELECT {StixObjectRow.Columns} FROM stix_objects o WHERE o.type = @Type AND {byName} AND {StixObjectRow.NewestOnly}
            UNION
            SELECT {StixObjectRow.Columns} FROM stix_objects o WHERE o.type = @Type AND o.external_id = @ExternalId AND {StixObjectRow.NewestOnly}
            ORDER BY Id
            """;
    }

    public async Task<IReadOnlyList<StoredStixObject>> FindAsync(string type, string nameOrExternalId, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StixObjectRow>(new CommandDefinition(
            FindSql(type),
            new { Type = type, Name = nameOrExternalId.Trim().ToLowerInvariant(), ExternalId = nameOrExternalId.Trim().ToUpperInvariant() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToObject()).ToList();
    }
}
