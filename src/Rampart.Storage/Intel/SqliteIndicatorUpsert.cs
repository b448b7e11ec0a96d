using Microsoft.Data.Sqlite;
using Rampart.Core;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// SQLite's indicator upsert for one change: statements prepared once and reused by every chunk of
/// the import. Rows are inserted first, 50 to a statement, with <c>ON CONFLICT … DO NOTHING</c>; when a
/// statement inserted fewer rows than it was given, each of its rows is looked up: the row holds the id
/// this insert gave it (added), or is an older row, compared and updated when a field differs. Fresh
/// rows, the bulk of a first import, cost a fiftieth of a statement instead of a lookup and an insert.
/// </summary>
/// <remarks>
/// Statements without RETURNING: an upsert with RETURNING copied every page it touched into a
/// statement journal, which cost more than the insert itself.
/// </remarks>
internal sealed class SqliteIndicatorUpsert : IDisposable
{
    /// <summary>Rows per multi-row insert; the rest of a batch goes row by row.</summary>
    internal const int RowsPerInsert = 50;

    /// <summary>Per-row parameters of the multi-row insert; the change's time and revision are bound once, after all rows.</summary>
    private const int RowColumns = 11;

    private const string Insert = """
        INSERT INTO indicators (id, type, value, normalized_value, source, valid_from, valid_until, confidence, actor_id, revoked, created_at, modified_at, revision, tlp, stix_ref)
        VALUES (@id, @type, @value, @normalized, @source, @valid_from, @valid_until, @confidence, @actor_id, 0, @now, @now, @revision, @tlp, @stix_ref)
        ON CONFLICT (type, normalized_value, source) DO NOTHING
        """;

    private const string Find = """
        SELECT id, value, valid_from, valid_until, confidence, actor_id, tlp, stix_ref FROM indicators
        WHERE type = @type AND normalized_value = @normalized AND source = @source
        """;

    private const string Update = """
        UPDATE indicators SET value = @value, valid_from = @valid_from, valid_until = @valid_until, confidence = @confidence, actor_id = @actor_id,
            tlp = @tlp, stix_ref = @stix_ref, modified_at = @now, revision = @revision
        WHERE id = @id
        """;

    private readonly ChangeTransaction _change;
    private readonly SqliteConnection _connection;
    private readonly IndicatorRowStatement _insert;
    private readonly SqliteStatement _find;
    private readonly IndicatorRowStatement _update;
    private readonly int _findType, _findNormalized, _findSource;
    private readonly string[] _ids = new string[RowsPerInsert];
    private SqliteStatement? _insertMany;

    public SqliteIndicatorUpsert(ChangeTransaction change)
    {
        _change = change;
        _connection = (SqliteConnection)change.Connection;
        _insert = new IndicatorRowStatement(_connection, Insert, change);
        _find = new SqliteStatement(_connection, Find);
        _update = new IndicatorRowStatement(_connection, Update, change);
        (_findType, _findNormalized, _findSource) = (_find.Position("@type"), _find.Position("@normalized"), _find.Position("@source"));
    }

    private enum Outcome
    {
        Added,
        Updated,
        Unchanged,
    }

    /// <summary>Upserts rows already unique on (type, normalized value, source).</summary>
    public IndicatorStore.ImportCounts Run(NewIndicator[] batch)
    {
        var counts = new IndicatorStore.ImportCounts();
        var next = 0;
        if (batch.Length >= RowsPerInsert)
        {
            var many = _insertMany ??= PrepareMany();
            for (; next + RowsPerInsert <= batch.Length; next += RowsPerInsert)
            {
                _change.CancellationToken.ThrowIfCancellationRequested();
                RampartId.NewMany("indicator", _ids);
                for (var row = 0; row < RowsPerInsert; row++)
                {
                    BindRow(many, row * RowColumns, _ids[row], batch[next + row]);
                }

                if (many.Execute() == RowsPerInsert)
                {
                    counts.Added += RowsPerInsert;
                    continue;
                }

                for (var row = 0; row < RowsPerInsert; row++)
                {
                    Count(ref counts, Reconcile(batch[next + row], _ids[row]));
                }
            }
        }

        for (; next < batch.Length; next++)
        {
            var item = batch[next];
            var id = RampartId.New("indicator");
            var outcome = _insert.Run(id, item.Value.Type.ToWire(), item, StoreTime.ToStore(item.ValidFrom) ?? _change.NowStore, item.ActorId, item.StixRef) == 1
                ? Outcome.Added
                : Reconcile(item, id);
            Count(ref counts, outcome);
        }

        return counts;
    }

    private static void Count(ref IndicatorStore.ImportCounts counts, Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Added: counts.Added++; break;
            case Outcome.Updated: counts.Updated++; break;
            case Outcome.Unchanged: counts.Unchanged++; break;
        }
    }

    /// <summary>After an insert that may have met a conflict: the stored row is ours (added), the same (unchanged), or updated to the item.</summary>
    private Outcome Reconcile(NewIndicator item, string insertedId)
    {
        var type = item.Value.Type.ToWire();
        var validFrom = StoreTime.ToStore(item.ValidFrom);
        _find.Bind(_findType, type);
        _find.Bind(_findNormalized, item.Value.Normalized);
        _find.Bind(_findSource, item.Source);
        if (!_find.Step())
        {
            // The insert met a conflict, yet no row has this identity: a constraint other than the
            // identity refused the row. Report it as SQLite would have.
            _find.Reset();
            throw new InvalidOperationException($"The indicator {type} '{item.Value.Normalized}' from {item.Source} was neither inserted nor found.");
        }

        // What the stored row becomes: the batch's fields, except that a missing valid-from, actor
        // or STIX link keeps the stored one.
        var id = _find.GetText(0)!;
        if (id == insertedId)
        {
            _find.Reset();
            return Outcome.Added;
        }

        var resolvedValidFrom = validFrom ?? _find.GetInt64(2);
        var actorId = item.ActorId ?? _find.GetText(5);
        var stixRef = item.StixRef ?? _find.GetText(7);
        var same = _find.GetText(1) == item.Value.Value
            && _find.GetInt64(2) == resolvedValidFrom
            && _find.GetNullableInt64(3) == StoreTime.ToStore(item.ValidUntil)
            && _find.GetInt64(4) == item.Confidence
            && _find.GetText(5) == actorId
            && _find.GetText(6) == item.Tlp?.ToWire()
            && _find.GetText(7) == stixRef;
        _find.Reset();
        if (same)
        {
            return Outcome.Unchanged;
        }

        _update.Run(id, type, item, resolvedValidFrom, actorId, stixRef);
        return Outcome.Updated;
    }

    /// <summary>
    /// The multi-row insert: row r binds ?(11r+1) … ?(11r+11), the change's time and revision come after
    /// all rows. Every parameter is numbered: a named one would take the next free number where it
    /// first appears and collide with the numbered ones. OR FAIL, so the statement keeps no statement
    /// journal (see <see cref="StixImportWriter"/>): a row that breaks a constraint other than the identity
    /// fails the change, which is rolled back whole.
    /// </summary>
    private SqliteStatement PrepareMany()
    {
        const int Shared = RowsPerInsert * RowColumns;
        var values = Enumerable.Range(0, RowsPerInsert).Select(row =>
        {
            var p = row * RowColumns;
            return $"(?{p + 1}, ?{p + 2}, ?{p + 3}, ?{p + 4}, ?{p + 5}, ?{p + 6}, ?{p + 7}, ?{p + 8}, ?{p + 9}, 0, ?{Shared + 1}, ?{Shared + 1}, ?{Shared + 2}, ?{p + 10}, ?{p + 11})";
        });
        var statement = new SqliteStatement(_connection, $"""
            INSERT OR FAIL INTO indicators (id, type, value, normalized_value, source, valid_from, valid_until, confidence, actor_id, revoked, created_at, modified_at, revision, tlp, stix_ref)
            VALUES {string.Join(", ", values)}
            ON CONFLICT (type, normalized_value, source) DO NOTHING
            """);
        statement.Bind(Shared + 1, _change.NowStore);
        statement.Bind(Shared + 2, _change.Revision);
        return statement;
    }

    private void BindRow(SqliteStatement insert, int offset, string id, NewIndicator item)
    {
        insert.Bind(offset + 1, id);
        insert.Bind(offset + 2, item.Value.Type.ToWire());
        insert.Bind(offset + 3, item.Value.Value);
        insert.Bind(offset + 4, item.Value.Normalized);
        insert.Bind(offset + 5, item.Source);
        insert.Bind(offset + 6, StoreTime.ToStore(item.ValidFrom) ?? _change.NowStore);
        insert.Bind(offset + 7, StoreTime.ToStore(item.ValidUntil));
        insert.Bind(offset + 8, item.Confidence);
        insert.Bind(offset + 9, item.ActorId);
        insert.Bind(offset + 10, item.Tlp?.ToWire());
        insert.Bind(offset + 11, item.StixRef);
    }

    public void Dispose()
    {
        _insertMany?.Dispose();
        _insert.Dispose();
        _find.Dispose();
        _update.Dispose();
    }
}
