using Microsoft.Data.Sqlite;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// A prepared SQLite insert or update of one <c>indicators</c> row, its parameter positions looked up
/// once; the change's time and revision are bound once for every row.
/// </summary>
internal sealed class IndicatorRowStatement : IDisposable
{
    private readonly SqliteStatement _statement;
    private readonly int _id, _type, _value, _normalized, _source, _validFrom, _validUntil, _confidence, _actorId, _tlp, _stixRef;

    public IndicatorRowStatement(SqliteConnection connection, string sql, ChangeTransaction change)
    {
        _statement = new SqliteStatement(connection, sql);
        _id = _statement.Position("@id");
        _type = Optional("@type");
        _value = _statement.Position("@value");
        _normalized = Optional("@normalized");
        _source = Optional("@source");
        _validFrom = _statement.Position("@valid_from");
        _validUntil = _statement.Position("@valid_until");
        _confidence = _statement.Position("@confidence");
        _actorId = _statement.Position("@actor_id");
        _tlp = _statement.Position("@tlp");
        _stixRef = _statement.Position("@stix_ref");
        _statement.Bind(_statement.Position("@now"), change.NowStore);
        _statement.Bind(_statement.Position("@revision"), change.Revision);
    }

    /// <summary>Writes the row; <paramref name="validFrom"/>, <paramref name="actorId"/> and <paramref name="stixRef"/> as resolved against the stored row. How many rows it changed.</summary>
    public int Run(string id, string type, NewIndicator item, long validFrom, string? actorId, string? stixRef)
    {
        _statement.Bind(_id, id);
        Bind(_type, type);
        _statement.Bind(_value, item.Value.Value);
        Bind(_normalized, item.Value.Normalized);
        Bind(_source, item.Source);
        _statement.Bind(_validFrom, validFrom);
        _statement.Bind(_validUntil, StoreTime.ToStore(item.ValidUntil));
        _statement.Bind(_confidence, item.Confidence);
        _statement.Bind(_actorId, actorId);
        _statement.Bind(_tlp, item.Tlp?.ToWire());
        _statement.Bind(_stixRef, stixRef);
        return _statement.Execute();
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>An update does not rewrite the row's identity: those parameters are absent there.</summary>
    private int Optional(string name) => _statement.HasParameter(name) ? _statement.Position(name) : 0;

    private void Bind(int position, string value)
    {
        if (position > 0)
        {
            _statement.Bind(position, value);
        }
    }
}
