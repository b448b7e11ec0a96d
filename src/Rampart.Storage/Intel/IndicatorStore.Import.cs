using Microsoft.Data.Sqlite;
using Npgsql;
using Rampart.Core;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// Imports: each indicator added, updated when a field differs, or left unchanged, all in one change
/// transaction. SQLite inserts each row, or reads and updates it on a conflict, with prepared one-row
/// statements bound by position (<see cref="SqliteIndicatorUpsert"/>; no network, so no round trips to save);
/// PostgreSQL upserts chunks of <see cref="PostgresChunkSize"/> rows as one set-based statement over
/// arrays that returns the ids it touched: our new id when added, the existing one when updated.
/// </summary>
/// <remarks>
/// On update, an indicator keeps its valid-from when the batch gives none, keeps its actor link when
/// the batch gives none, and stays revoked: a feed listing a revoked value again does not revive it.
/// </remarks>
internal sealed partial class IndicatorStore
{
    /// <summary>5,000 rows per statement: 20 round trips for 100k rows; larger chunks gain little.</summary>
    internal const int PostgresChunkSize = 5000;

    // One statement per chunk: the rows arrive as arrays and unnest into a set. Two variants, because a
    // row that gives no valid-from keeps the stored one and ON CONFLICT can only see the inserted row.
    private const string PostgresUpsertHead = """
        INSERT INTO indicators AS i (id, type, value, normalized_value, source, valid_from, valid_until, confidence, actor_id, revoked, created_at, modified_at, revision, tlp, stix_ref)
        SELECT b.id, b.type, b.value, b.normalized_value, b.source, COALESCE(b.valid_from, $10), b.valid_until, b.confidence, b.actor_id, false, $10, $10, $11, b.tlp, b.stix_ref
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::integer[], $9::text[], $12::text[], $13::text[])
            AS b (id, type, value, normalized_value, source, valid_from, valid_until, confidence, actor_id, tlp, stix_ref)
        ON CONFLICT (type, normalized_value, source) DO UPDATE SET
            value = excluded.value,
            valid_until = excluded.valid_until,
            confidence = excluded.confidence,
            actor_id = COALESCE(excluded.actor_id, i.actor_id),
            tlp = excluded.tlp,
            stix_ref = COALESCE(excluded.stix_ref, i.stix_ref),
            modified_at = excluded.modified_at,
            revision = excluded.revision
        """;

    private const string PostgresUpsertGivenValidFrom = PostgresUpsertHead + """
        , valid_from = excluded.valid_from
        WHERE i.value IS DISTINCT FROM excluded.value
           OR i.valid_from IS DISTINCT FROM excluded.valid_from
           OR i.valid_until IS DISTINCT FROM excluded.valid_until
           OR i.confidence IS DISTINCT FROM excluded.confidence
           OR i.actor_id IS DISTINCT FROM COALESCE(excluded.actor_id, i.actor_id)
           OR i.tlp IS DISTINCT FROM excluded.tlp
           OR i.stix_ref IS DISTINCT FROM COALESCE(excluded.stix_ref, i.stix_ref)
        RETURNING id
        """;

    private const string PostgresUpsertKeepValidFrom = PostgresUpsertHead + """

        WHERE i.value IS DISTINCT FROM excluded.value
           OR i.valid_until IS DISTINCT FROM excluded.valid_until
           OR i.confidence IS DISTINCT FROM excluded.confidence
           OR i.actor_id IS DISTINCT FROM COALESCE(excluded.actor_id, i.actor_id)
           OR i.tlp IS DISTINCT FROM excluded.tlp
           OR i.stix_ref IS DISTINCT FROM COALESCE(excluded.stix_ref, i.stix_ref)
        RETURNING id
        """;

    private static readonly bool[] GivenValidFromFirst = [true, false];

    public Task<ImportResult> ImportAsync(IReadOnlyList<NewIndicator> batch, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return changes.RunAsync(context, async change =>
        {
            using var sqlite = change.Provider == StoreProvider.Sqlite ? new SqliteIndicatorUpsert(change) : null;
            var counts = await UpsertAsync(change, sqlite, batch).ConfigureAwait(false);

            if (counts.Added + counts.Updated == 0)
            {
                return new ImportResult(0, 0, counts.Unchanged, change.PreviousRevision);
            }

            change.Audit("indicators.import", DescribeSources(batch), $"added={counts.Added} updated={counts.Updated} unchanged={counts.Unchanged}");
            return new ImportResult(counts.Added, counts.Updated, counts.Unchanged, change.Revision);
        }, cancellationToken);
    }

    /// <summary>
    /// Upserts a batch inside an open change; the STIX import calls this for the indicators its objects
    /// carry, chunk after chunk, with one <paramref name="sqlite"/> upsert (on SQLite) for all of them.
    /// </summary>
    internal static async Task<ImportCounts> UpsertAsync(ChangeTransaction change, SqliteIndicatorUpsert? sqlite, IReadOnlyList<NewIndicator> batch)
    {
        var (unique, repeated) = LastOccurrences(batch);
        var counts = await UpsertUniqueAsync(change, sqlite, unique).ConfigureAwait(false);
        counts.Unchanged += repeated;
        return counts;
    }

    /// <summary>As <see cref="UpsertAsync"/>, for a batch already unique on (type, normalized value, source) (<see cref="LastOccurrences"/>).</summary>
    internal static async Task<ImportCounts> UpsertUniqueAsync(ChangeTransaction change, SqliteIndicatorUpsert? sqlite, NewIndicator[] unique) =>
        change.Provider switch
        {
            StoreProvider.Sqlite => (sqlite ?? throw new ArgumentNullException(nameof(sqlite))).Run(unique),
            StoreProvider.Postgres => await ImportPostgresAsync(change, unique).ConfigureAwait(false),
        };

    private static async Task<ImportCounts> ImportPostgresAsync(ChangeTransaction change, NewIndicator[] batch)
    {
        var connection = (NpgsqlConnection)change.Connection;
        var transaction = (NpgsqlTransaction)change.Transaction;
        int added = 0, updated = 0, unchanged = 0;
        var newIds = new HashSet<string>(StringComparer.Ordinal);

        for (var start = 0; start < batch.Length; start += PostgresChunkSize)
        {
            change.CancellationToken.ThrowIfCancellationRequested();
            var chunk = new ArraySegment<NewIndicator>(batch, start, Math.Min(PostgresChunkSize, batch.Length - start));
            newIds.Clear();
            foreach (var givenValidFrom in GivenValidFromFirst)
            {
                var rows = chunk.Where(r => r.ValidFrom is not null == givenValidFrom).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var ids = rows.Select(_ => RampartId.New("indicator")).ToArray();
                newIds.UnionWith(ids);
                await using var command = givenValidFrom
                    ? new NpgsqlCommand(PostgresUpsertGivenValidFrom, connection, transaction)
                    : new NpgsqlCommand(PostgresUpsertKeepValidFrom, connection, transaction);
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Value.Type.ToWire()).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Value.Value).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Value.Normalized).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Source).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<long?[]> { TypedValue = rows.Select(r => StoreTime.ToStore(r.ValidFrom)).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<long?[]> { TypedValue = rows.Select(r => StoreTime.ToStore(r.ValidUntil)).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = rows.Select(r => r.Confidence).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(r => r.ActorId).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = change.NowStore });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = change.Revision });
                command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(r => r.Tlp?.ToWire()).ToArray() });
                command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = rows.Select(r => r.StixRef).ToArray() });

                var touched = 0;
                await using var reader = await command.ExecuteReaderAsync(change.CancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(change.CancellationToken).ConfigureAwait(false))
                {
                    touched++;
                    if (newIds.Contains(reader.GetString(0)))
                    {
                        added++;
                    }
                    else
                    {
                        updated++;
                    }
                }

                unchanged += rows.Count - touched;
            }
        }

        return new ImportCounts { Added = added, Updated = updated, Unchanged = unchanged };
    }

    /// <summary>
    /// The batch with each (type, normalized value, source) once, at its last occurrence, in batch order.
    /// One statement may not touch a row twice (PostgreSQL), and the counts should not depend on the
    /// provider: earlier occurrences count as unchanged, as they would be once the last one is stored.
    /// </summary>
    internal static (NewIndicator[] Unique, int Repeated) LastOccurrences(IReadOnlyList<NewIndicator> batch)
    {
        var last = new Dictionary<(IndicatorType, string, string), int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            last[(item.Value.Type, item.Value.Normalized, item.Source)] = i;
        }

        if (last.Count == batch.Count)
        {
            return (batch.ToArray(), 0);
        }

        var unique = new NewIndicator[last.Count];
        var next = 0;
        foreach (var index in last.Values.Order())
        {
            unique[next++] = batch[index];
        }

        return (unique, batch.Count - unique.Length);
    }

    /// <summary>What one import did to the rows it was given.</summary>
    internal struct ImportCounts
    {
        public int Added;
        public int Updated;
        public int Unchanged;
    }

    /// <summary>The audit target: the sources the batch came from (a batch is usually one file from one source).</summary>
    private static string DescribeSources(IReadOnlyList<NewIndicator> batch)
    {
        var sources = batch.Select(i => i.Source).Distinct(StringComparer.Ordinal).Take(4).ToList();
        var text = "indicators from " + string.Join(", ", sources.Take(3));
        return sources.Count > 3 ? text + ", …" : text;
    }
}
