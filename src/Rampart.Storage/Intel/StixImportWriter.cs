using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// Writes STIX objects inside one import's change transaction. Per chunk: one query for the versions
/// already stored of the chunk's ids (on SQLite, when the import began on an empty table, only of the ids
/// <see cref="StoredIdFilter"/> does not rule out), so a version already there is counted unchanged without
/// a write (re-import writes nothing and costs a read); then the new versions in bulk — SQLite: prepared
/// inserts of 50 rows each bound by position, the JSON bound as the UTF-8 bytes it arrived as, each
/// row with its <c>date_added</c> (the row id: strictly increasing, after every value stored or handed
/// out by <see cref="IStixVersionLog"/>, TAXII's log); PostgreSQL: one
/// <c>INSERT … SELECT … FROM unnest(…) ON CONFLICT DO NOTHING</c> of the chunk's columns as arrays (its TAXII log is a trigger's). An object's indicators are applied only when its version is the newest known; a
/// revoked newest version revokes the indicators derived from the object.
/// </summary>
internal sealed partial class StixImportWriter : IStixImportWriter, IDisposable
{
    private const string Columns = "id, modified, type, revoked, tlp, name, external_id, relationship_type, source_ref, target_ref, source, json, imported_at, revision";

    /// <summary>SQLite: rows per INSERT statement; a full chunk of 1,000 is 20 of them.</summary>
    private const int SqliteRowsPerInsert = 50;

    /// <summary>The per-row parameters of the SQLite insert: date_added and every column but source, imported_at and revision.</summary>
    private const int SqliteRowColumns = 12;

    // One statement per chunk: the columns arrive as arrays and unnest into rows in bundle order (the order
    // the TAXII log trigger hands out date_added in). No stage to fill and empty: COPY into a temporary
    // table and its TRUNCATE per chunk cost the server 2.8 + 2.3 s of 200k objects' import.
    private const string PostgresInsert = $"""
        INSERT INTO stix_objects ({Columns})
        SELECT s.id, s.modified, s.type, s.revoked, s.tlp, s.name, s.external_id, s.relationship_type, s.source_ref, s.target_ref, $11, s.json, $13, $14
        FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $12::text[])
            AS s (id, modified, type, revoked, tlp, name, external_id, relationship_type, source_ref, target_ref, json)
        ON CONFLICT (id, modified) DO NOTHING
        RETURNING id, modified
        """;

    // The stored versions of a chunk's ids, by the primary key. Without statistics on stix_objects (a first
    // import fills it inside its own transaction, and a re-import right after it runs before autovacuum has
    // analyzed it) the planner takes 200 distinct ids for the whole table, expects most of it to match a
    // chunk's 250 ids, and scans all of it per chunk: quadratic (a re-import of 200k objects took 47.8 s,
    // 4.1 of them the client's). Seq scans are off for this one statement only (SET LOCAL, then back to the
    // default, in the same round trip).
    private const string PostgresStored = "SELECT id, modified FROM stix_objects WHERE id = ANY($1)";

    private const string PostgresPreferIndex = "SET LOCAL enable_seqscan = off";

    private const string PostgresPlannerDefault = "SET LOCAL enable_seqscan TO DEFAULT";

    private const string RevokeDerived = """
        UPDATE indicators SET revoked = TRUE, modified_at = @Now, revision = @Revision WHERE stix_ref = @Id AND NOT revoked
        """;

    private readonly ChangeTransaction _change;
    private readonly string _source;
    private readonly IStixVersionLog? _log;
    private SqliteStatement? _sqliteInsert;
    private SqliteStatement? _sqliteInsertMany;
    private SqliteStatement? _sqliteStored;
    private SqliteIndicatorUpsert? _sqliteIndicators;
    private DateTimeOffset? _lastModified;
    private string? _lastVersion;
    // SQLite, both set by the import's first look-up (StartSqlite): the next row's date_added, and whether
    // stix_objects was empty then, so that only ids an earlier chunk held (MayHaveSeen) can be found.
    private long _nextDateAdded;
    private bool _lookUpSeenOnly;

    // SQLite: the bulk import's set-aside indexes (created at the import's start).
    private readonly int _setAsideAfter;
    private readonly int _maxImportedIds;
    private SqliteBulkIndexes? _bulk;

    /// <param name="change">The import's change transaction.</param>
    /// <param name="source">The source every object and indicator is recorded under.</param>
    /// <param name="log">TAXII's log, whose date_added values stored versions follow.</param>
    /// <param name="setAsideStixRefAfter">
    /// SQLite: the indicators (objects) an import writes before it sets the stix_ref ((id, modified)) index aside;
    /// <see cref="StixStore.SetAsideStixRefIndexAfter"/> and <see cref="SqliteBulkIndexes"/>.
    /// </param>
    /// <param name="maxImportedIds">The versions <see cref="ImportedIdTable"/> may hold (<see cref="ImportedIdTable.MaxVersions"/>; tests give fewer).</param>
    public StixImportWriter(
        ChangeTransaction change, string source, IStixVersionLog? log = null, int setAsideStixRefAfter = StixStore.SetAsideStixRefIndexAfter, int maxImportedIds = ImportedIdTable.MaxVersions)
    {
        _change = change;
        _source = source;
        _seenIdsWanted = change.Provider == StoreProvider.Sqlite;
        _log = log;
        _setAsideAfter = setAsideStixRefAfter;
        _maxImportedIds = maxImportedIds;
    }

    /// <summary>True while this import has the stix_ref index set aside (SQLite bulk imports; for tests).</summary>
    internal bool StixRefIndexSetAside => _bulk?.StixRefSetAside == true;

    /// <summary>True while this import has the (id, modified) index set aside (SQLite bulk imports into an empty table; for tests).</summary>
    internal bool VersionIndexSetAside => _bulk?.VersionSetAside == true;

    public StixWriteCounts Counts { get; private set; } = StixWriteCounts.Zero;

    public int Revoked { get; private set; }

    public async Task<StixWriteCounts> WriteAsync(StixImportChunk chunk, CancellationToken cancellationToken)
    {
        var prepared = chunk as PreparedStixChunk ?? throw new ArgumentException("The chunk was not prepared by this writer.", nameof(chunk));
        prepared.MarkWritten();
        var (objects, ids) = (prepared.Objects, prepared.Ids);
        if (_bulk is not null && _bulk.BeforeChunk(objects.Count, _lookUpSeenOnly, _nextDateAdded))
        {
            (_lookUpSeenOnly, _seenIdsWanted) = (false, false);
        }

        var stored = await StoredVersionsAsync(ids, prepared.SeenBefore, cancellationToken).ConfigureAwait(false);

        // A bulk import's usual chunk: no id in it stored yet, none twice. Then every object is fresh and
        // the newest version of its id, and neither needs asking object by object.
        var allNew = stored.Versions.Count == 0 && prepared.IdsDistinct;
        _chunksAllNew = allNew;

        // The versions not stored yet, each once, in bundle order.
        var fresh = new List<(StixObjectVersion Item, string Version)>(objects.Count);
        var seen = allNew ? null : new HashSet<(string, string)>();
        foreach (var item in objects)
        {
            var version = VersionOf(item.Modified);
            if (seen is null || (!stored.Versions.Contains((item.Id, version)) && seen.Add((item.Id, version))))
            {
                fresh.Add((item, version));
            }
        }

        if (fresh.Count > 0)
        {
            if (_change.Provider == StoreProvider.Sqlite)
            {
                InsertSqlite(fresh);
            }
            else
            {
                await InsertPostgresAsync(fresh, cancellationToken).ConfigureAwait(false);
            }
        }

        // The prepared indicators hold for the whole chunk: unless another writer stored some of it meanwhile (PostgreSQL).
        var (indicators, revoke) = allNew && fresh.Count == objects.Count && prepared.AllNew is { } effects
            ? effects
            : EffectsOf(NewestOnly(fresh, stored.Newest));
        if (indicators.Length > 0)
        {
            _bulk?.IndicatorsWriting(indicators.Length);
        }

        var upserted = indicators.Length == 0 ? default : await IndicatorStore.UpsertUniqueAsync(_change, SqliteIndicators(), indicators).ConfigureAwait(false);
        if (revoke.Count > 0)
        {
            _bulk?.RestoreStixRef();
        }

        foreach (var id in revoke)
        {
            Revoked += await _change.ExecuteAsync(RevokeDerived, new { Id = id, Now = _change.NowStore, _change.Revision }).ConfigureAwait(false);
        }

        var counts = new StixWriteCounts(fresh.Count, objects.Count - fresh.Count, upserted.Added, upserted.Updated);
        Counts += counts;
        return counts;
    }

    /// <summary>The fresh versions that are their id's newest known, in bundle order; <paramref name="newest"/> learns each.</summary>
    private static List<StixObjectVersion> NewestOnly(List<(StixObjectVersion Item, string Version)> fresh, Dictionary<string, string> newest)
    {
        var applying = new List<StixObjectVersion>(fresh.Count);
        foreach (var (item, version) in fresh)
        {
            if (newest.TryGetValue(item.Id, out var known) && string.CompareOrdinal(known, version) > 0)
            {
                // An older version arriving late is history: it must not undo what the newer one says.
                continue;
            }

            newest[item.Id] = version;
            applying.Add(item);
        }

        return applying;
    }

    /// <summary>The version key; a bundle's objects mostly share one <c>modified</c>, so the last key is kept.</summary>
    private string VersionOf(DateTimeOffset? modified)
    {
        if (modified != _lastModified || _lastVersion is null)
        {
            (_lastModified, _lastVersion) = (modified, StixObjectRow.ToVersion(modified));
        }

        return _lastVersion;
    }

    private SqliteIndicatorUpsert? SqliteIndicators() =>
        _change.Provider == StoreProvider.Sqlite ? _sqliteIndicators ??= new SqliteIndicatorUpsert(_change) : null;

    private void InsertSqlite(List<(StixObjectVersion Item, string Version)> fresh)
    {
        var rows = 0;
        if (fresh.Count >= SqliteRowsPerInsert)
        {
            var many = _sqliteInsertMany ??= PrepareSqlite(SqliteRowsPerInsert);
            for (; rows + SqliteRowsPerInsert <= fresh.Count; rows += SqliteRowsPerInsert)
            {
                _change.CancellationToken.ThrowIfCancellationRequested();
                for (var row = 0; row < SqliteRowsPerInsert; row++)
                {
                    BindSqlite(many, row * SqliteRowColumns, _nextDateAdded++, fresh[rows + row]);
                }

                many.Execute();
            }
        }

        var one = _sqliteInsert ??= PrepareSqlite(1);
        for (; rows < fresh.Count; rows++)
        {
            BindSqlite(one, 0, _nextDateAdded++, fresh[rows]);
            one.Execute();
        }
    }

    /// <summary>
    /// Once, before the first chunk's look-up (every insert follows one). The first date_added is what the
    /// old per-row trigger gave each version: MAX(imported_at × 1000, the last date_added + 1), over the
    /// versions stored and what TAXII's log handed out. The import holds SQLite's one write lock from its
    /// first statement to its commit, so the last value is read once and counted on from there; no
    /// date_added stored (the row id, never 0) means the table is empty and only this import's ids can be found.
    /// </summary>
    private void StartSqlite()
    {
        using var last = new SqliteStatement((SqliteConnection)_change.Connection, "SELECT COALESCE(MAX(date_added), 0) FROM stix_objects");
        last.Step();
        var stored = last.GetInt64(0);
        _lookUpSeenOnly = stored == 0;
        _seenIdsWanted = _lookUpSeenOnly;
        using var indicators = new SqliteStatement((SqliteConnection)_change.Connection, "SELECT COALESCE(MAX(rowid), 0) FROM indicators");
        indicators.Step();
        _bulk = new SqliteBulkIndexes((SqliteConnection)_change.Connection, _setAsideAfter, _maxImportedIds);
        _bulk.Start(indicators.GetInt64(0));
        _nextDateAdded = Math.Max(_change.NowStore * 1000, Math.Max(stored, _log?.LastDateAdded(_change) ?? 0) + 1);
    }

    /// <summary>Builds again what a bulk import set aside (<see cref="SqliteBulkIndexes"/>), at its end (<see cref="StixStore"/>).</summary>
    internal void RestoreIndexes() => _bulk?.RestoreAll();

    /// <summary>
    /// An insert of <paramref name="rows"/> rows: the columns of row r are ?(r*12+1) … ?(r*12+12), and the
    /// import's source, time and revision, bound once, come after all rows. Every parameter is numbered:
    /// a named one would take the next free number where it first appears and collide with the numbered ones.
    /// OR FAIL: a multi-row statement that may abort keeps a statement journal (every page it touches that
    /// the import had already changed, copied first, spilled to a temporary file past 64 KB), which cost a
    /// third of the import's system time. A failing row fails the whole import's transaction anyway.
    /// </summary>
    private SqliteStatement PrepareSqlite(int rows)
    {
        var shared = rows * SqliteRowColumns;
        var values = Enumerable.Range(0, rows).Select(row =>
        {
            var first = row * SqliteRowColumns;
            return $"(?{first + 12}, ?{first + 1}, ?{first + 2}, ?{first + 3}, ?{first + 4}, ?{first + 5}, ?{first + 6}, ?{first + 7}, ?{first + 8}, ?{first + 9}, ?{first + 10}, ?{shared + 1}, ?{first + 11}, ?{shared + 2}, ?{shared + 3})";
        });
        var statement = new SqliteStatement((SqliteConnection)_change.Connection, $"INSERT OR FAIL INTO stix_objects (date_added, {Columns}) VALUES {string.Join(", ", values)}");
        statement.Bind(shared + 1, _source);
        statement.Bind(shared + 2, _change.NowStore);
        statement.Bind(shared + 3, _change.Revision);
        return statement;
    }

    private void BindSqlite(SqliteStatement insert, int offset, long dateAdded, (StixObjectVersion Item, string Version) row)
    {
        var (item, version) = row;
        _bulk?.Bound(item.Id, dateAdded);
        insert.Bind(offset + 1, item.Id);
        insert.Bind(offset + 2, version);
        insert.Bind(offset + 3, item.Type);
        insert.Bind(offset + 4, item.Revoked ? 1 : 0);
        insert.Bind(offset + 5, item.Tlp?.ToWire());
        insert.Bind(offset + 6, item.Name);
        insert.Bind(offset + 7, item.ExternalId);
        insert.Bind(offset + 8, item.RelationshipType);
        insert.Bind(offset + 9, item.SourceRef);
        insert.Bind(offset + 10, item.TargetRef);
        insert.BindUtf8(offset + 11, item.Utf8Json.Span);
        insert.Bind(offset + 12, dateAdded);
    }

    private async Task InsertPostgresAsync(List<(StixObjectVersion Item, string Version)> fresh, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)_change.Connection;
        var transaction = (NpgsqlTransaction)_change.Transaction;
        var count = fresh.Count;
        var ids = new string[count];
        var versions = new string[count];
        var types = new string[count];
        var revoked = new bool[count];
        var tlps = new string?[count];
        var names = new string?[count];
        var externalIds = new string?[count];
        var relationshipTypes = new string?[count];
        var sourceRefs = new string?[count];
        var targetRefs = new string?[count];
        var json = new string[count];
        for (var row = 0; row < count; row++)
        {
            var (item, version) = fresh[row];
            ids[row] = item.Id;
            versions[row] = version;
            types[row] = item.Type;
            revoked[row] = item.Revoked;
            tlps[row] = item.Tlp?.ToWire();
            names[row] = item.Name;
            externalIds[row] = item.ExternalId;
            relationshipTypes[row] = item.RelationshipType;
            sourceRefs[row] = item.SourceRef;
            targetRefs[row] = item.TargetRef;
            json[row] = Encoding.UTF8.GetString(item.Utf8Json.Span);
        }

        // Another writer may have stored a version since the read above: only what this insert added counts as fresh.
        var added = new HashSet<(string, string)>();
        await using (var insert = new NpgsqlCommand(PostgresInsert, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<string[]> { TypedValue = ids },
                new NpgsqlParameter<string[]> { TypedValue = versions },
                new NpgsqlParameter<string[]> { TypedValue = types },
                new NpgsqlParameter<bool[]> { TypedValue = revoked },
                new NpgsqlParameter<string?[]> { TypedValue = tlps },
                new NpgsqlParameter<string?[]> { TypedValue = names },
                new NpgsqlParameter<string?[]> { TypedValue = externalIds },
                new NpgsqlParameter<string?[]> { TypedValue = relationshipTypes },
                new NpgsqlParameter<string?[]> { TypedValue = sourceRefs },
                new NpgsqlParameter<string?[]> { TypedValue = targetRefs },
                new NpgsqlParameter<string> { TypedValue = _source },
                new NpgsqlParameter<string[]> { TypedValue = json },
                new NpgsqlParameter<long> { TypedValue = _change.NowStore },
                new NpgsqlParameter<long> { TypedValue = _change.Revision },
            },
        })
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                added.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (added.Count < fresh.Count)
        {
            fresh.RemoveAll(f => !added.Contains((f.Item.Id, f.Version)));
        }
    }

    public async Task<IReadOnlySet<string>> KnownIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // After the last chunk: the reading thread is done with the seen ids.
        var seen = _lookUpSeenOnly ? ids.Where(MayHaveSeen).ToList() : [];
        var known = await StoredVersionsAsync(ids, seen, cancellationToken).ConfigureAwait(false);
        return known.Newest.Keys.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<int> AttributeAsync(IReadOnlyCollection<string> stixIndicatorIds, string actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stixIndicatorIds);
        _bulk?.RestoreStixRef();
        var changed = 0;
        foreach (var chunk in stixIndicatorIds.Chunk(500))
        {
            changed += await _change.ExecuteAsync(
                $"UPDATE indicators SET actor_id = @ActorId, modified_at = @Now, revision = @Revision WHERE {StixStore.In(_change.Provider, "stix_ref", "Ids")} AND (actor_id IS NULL OR actor_id <> @ActorId)",
                new { ActorId = actorId, Ids = chunk, Now = _change.NowStore, _change.Revision }).ConfigureAwait(false);
        }

        Attributed += changed;
        return changed;
    }

    public int Attributed { get; private set; }

    /// <summary>
    /// Every stored version of each id that has one, and the newest per id: SQLite, a primary-key look-up
    /// per id (<see cref="StoredVersionsSqlite"/>); PostgreSQL, one query with the ids as a text array.
    /// </summary>
    /// <param name="ids">The ids, each once.</param>
    /// <param name="seenBefore">Those of <paramref name="ids"/> that an earlier chunk may have held (<see cref="MayHaveSeen"/>).</param>
    /// <param name="cancellationToken">Ends the look-up.</param>
    private async Task<(HashSet<(string, string)> Versions, Dictionary<string, string> Newest)> StoredVersionsAsync(
        IReadOnlyCollection<string> ids, List<string> seenBefore, CancellationToken cancellationToken)
    {
        var versions = new HashSet<(string, string)>();
        var newest = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return (versions, newest);
        }

        if (_change.Provider == StoreProvider.Sqlite)
        {
            StoredVersionsSqlite(ids, seenBefore, versions, newest);
            return (versions, newest);
        }

        await using var batch = new NpgsqlBatch((NpgsqlConnection)_change.Connection, (NpgsqlTransaction)_change.Transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(PostgresPreferIndex),
                new NpgsqlBatchCommand(PostgresStored) { Parameters = { new NpgsqlParameter<string[]> { TypedValue = ids.ToArray() } } },
                new NpgsqlBatchCommand(PostgresPlannerDefault),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Remember(versions, newest, reader.GetString(0), reader.GetString(1));
        }

        return (versions, newest);
    }

    private static void Remember(HashSet<(string, string)> versions, Dictionary<string, string> newest, string id, string version)
    {
        versions.Add((id, version));
        if (!newest.TryGetValue(id, out var other) || string.CompareOrdinal(version, other) > 0)
        {
            newest[id] = version;
        }
    }

    /// <summary>
    /// SQLite: one prepared primary-key look-up per id, bound by position; when the import began on an empty
    /// table, only for the ids an earlier chunk may have held (<paramref name="seenBefore"/>). No network, so nothing to
    /// batch; the ids as a JSON array through <c>json_each</c> cost a tenth of the write stage (the
    /// serializing, the parsing back and the IN list built per chunk). A version equal to the last one
    /// seen reuses its string: a bundle's versions mostly share one <c>modified</c>.
    /// </summary>
    private void StoredVersionsSqlite(IReadOnlyCollection<string> ids, List<string> seenBefore, HashSet<(string, string)> versions, Dictionary<string, string> newest)
    {
        if (_nextDateAdded == 0)
        {
            StartSqlite();
        }

        if (_bulk is { VersionSetAside: true } bulk)
        {
            bulk.FindImported(ids, (id, version) => Remember(versions, newest, id, version));
            return;
        }

        var lookup = _sqliteStored ??= new SqliteStatement((SqliteConnection)_change.Connection, "SELECT modified FROM stix_objects WHERE id = ?1");
        Span<char> text = stackalloc char[64];
        foreach (var id in _lookUpSeenOnly ? seenBefore : ids)
        {
            lookup.Bind(1, id);
            while (lookup.Step())
            {
                var utf8 = lookup.GetUtf8(0);
                string version;
                if (_lastVersion is not null && utf8.Length <= text.Length && Encoding.UTF8.GetChars(utf8, text) is var length && text[..length].SequenceEqual(_lastVersion))
                {
                    version = _lastVersion;
                }
                else
                {
                    version = Encoding.UTF8.GetString(utf8);
                }

                Remember(versions, newest, id, version);
            }

            lookup.Reset();
        }
    }

    public void Dispose()
    {
        _bulk?.Dispose();
        _sqliteInsert?.Dispose();
        _sqliteInsertMany?.Dispose();
        _sqliteStored?.Dispose();
        _sqliteIndicators?.Dispose();
    }
}
