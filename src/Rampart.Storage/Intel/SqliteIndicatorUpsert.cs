using Microsoft.Data.Sqlite;
using Rampart.Core;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// SQLite's indicator upsert for one change: three statements prepared once and reused by every
/// chunk of the import. A row is inserted first with <c>ON CONFLICT … DO NOTHING</c>; only when that
/// changed nothing is the stored row read and compared, and updated when a field differs. Fresh rows,
/// the bulk of a first import, cost one statement instead of a lookup and an insert.
/// </summary>
/// <remarks>
/// One-row statements without RETURNING need no statement journal; an upsert with RETURNING copied
/// every page it touched into one, which cost more than the insert itself.
/// </remarks>
internal sealed class SqliteIndicatorUpsert : IDisposable
{
    /// <summary>How many rows are written between cancellation checks.</summary>
    private const int CancellationCheckInterval = 1024;

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
    private readonly IndicatorRowStatement _insert;
    private readonly SqliteStatement _find;
    private readonly IndicatorRowStatement _update;
    private readonly int _findType, _findNormalized, _findSource;

    public SqliteIndicatorUpsert(ChangeTransaction change)
    {
        _change = change;
        var connection = (SqliteConnection)change.Connection;
        _insert = new IndicatorRowStatement(connection, Insert, change);
        _find = new SqliteStatement(connection, Find);
        _update = new IndicatorRowStatement(connection, Update, change);
        (_findType, _findNormalized, _findSource) = (_find.Position("@type"), _find.Position("@normalized"), _find.Position("@source"));
    }

    /// <summary>Upserts rows already unique on (type, normalized value, source).</summary>
    public IndicatorStore.ImportCounts Run(NewIndicator[] batch)
    {
        int added = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < batch.Length; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                _change.CancellationToken.ThrowIfCancellationRequested();
            }

            var item = batch[i];
            var type = item.Value.Type.ToWire();
            var validFrom = StoreTime.ToStore(item.ValidFrom);
            if (_insert.Run(RampartId.New("indicator"), type, item, validFrom ?? _change.NowStore, item.ActorId, item.StixRef) == 1)
            {
                added++;
                continue;
            }

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
                unchanged++;
                continue;
            }

            _update.Run(id, type, item, resolvedValidFrom, actorId, stixRef);
            updated++;
        }

        return new IndicatorStore.ImportCounts { Added = added, Updated = updated, Unchanged = unchanged };
    }

    public void Dispose()
    {
        _insert.Dispose();
        _find.Dispose();
        _update.Dispose();
    }
}
