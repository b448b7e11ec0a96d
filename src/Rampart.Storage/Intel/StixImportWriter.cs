using System.Data.Common;
using System.Text.Json;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// Writes STIX objects inside one import's change transaction. Per chunk: one query for the newest
/// stored version of each id, then one prepared insert per object that skips versions already
/// stored (so re-import writes nothing). An object's indicators are applied only when its version
/// is the newest known; a revoked newest version revokes the indicators derived from the object.
/// </summary>
internal sealed class StixImportWriter : IStixImportWriter, IDisposable
{
    private const string Insert = """
        INSERT INTO stix_objects (id, modified, type, revoked, tlp, name, external_id, relationship_type, source_ref, target_ref, source, json, imported_at, revision)
        VALUES (@id, @modified, @type, @revoked, @tlp, @name, @external_id, @relationship_type, @source_ref, @target_ref, @source, @json, @now, @revision)
        ON CONFLICT (id, modified) DO NOTHING
        """;

    private const string RevokeDerived = """
        UPDATE indicators SET revoked = TRUE, modified_at = @Now, revision = @Revision WHERE stix_ref = @Id AND NOT revoked
        """;

    private readonly ChangeTransaction _change;
    private readonly DbCommand _insert;
    private readonly Dictionary<string, DbParameter> _parameters = new(StringComparer.Ordinal);

    public StixImportWriter(ChangeTransaction change, string source)
    {
        _change = change;
        _insert = change.Connection.CreateCommand();
        _insert.Transaction = change.Transaction;
        _insert.CommandText = Insert;
        foreach (var name in (string[])["id", "modified", "type", "revoked", "tlp", "name", "external_id", "relationship_type", "source_ref", "target_ref", "source", "json", "now", "revision"])
        {
            var parameter = _insert.CreateParameter();
            parameter.ParameterName = name;
            _insert.Parameters.Add(parameter);
            _parameters[name] = parameter;
        }

        _parameters["source"].Value = source;
        _parameters["now"].Value = change.NowStore;
        _parameters["revision"].Value = change.Revision;
    }

    public StixWriteCounts Counts { get; private set; } = StixWriteCounts.Zero;

    public int Revoked { get; private set; }

    public async Task<StixWriteCounts> WriteAsync(IReadOnlyList<StixObjectVersion> objects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var newest = await NewestVersionsAsync(objects.Select(o => o.Id).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        var indicators = new List<NewIndicator>();
        var revoke = new List<string>();
        int added = 0, unchanged = 0;
        foreach (var item in objects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var version = StixObjectRow.ToVersion(item.Modified);
            Set("id", item.Id);
            Set("modified", version);
            Set("type", item.Type);
            Set("revoked", item.Revoked);
            Set("tlp", item.Tlp?.ToWire());
            Set("name", item.Name);
            Set("external_id", item.ExternalId);
            Set("relationship_type", item.RelationshipType);
            Set("source_ref", item.SourceRef);
            Set("target_ref", item.TargetRef);
            Set("json", item.Json);
            if (await _insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                unchanged++;
                continue;
            }

            added++;
            if (newest.TryGetValue(item.Id, out var stored) && string.CompareOrdinal(stored, version) > 0)
            {
                // An older version arriving late is history: it must not undo what the newer one says.
                continue;
            }

            newest[item.Id] = version;
            if (item.Revoked)
            {
                revoke.Add(item.Id);
            }
            else if (item.Indicators is { Count: > 0 } derived)
            {
                indicators.AddRange(derived);
            }
        }

        var upserted = indicators.Count == 0 ? default : await IndicatorStore.UpsertAsync(_change, indicators).ConfigureAwait(false);
        foreach (var id in revoke)
        {
            Revoked += await _change.ExecuteAsync(RevokeDerived, new { Id = id, Now = _change.NowStore, _change.Revision }).ConfigureAwait(false);
        }

        var counts = new StixWriteCounts(added, unchanged, upserted.Added, upserted.Updated);
        Counts += counts;
        return counts;
    }

    public async Task<IReadOnlySet<string>> KnownIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var known = await NewestVersionsAsync(ids, cancellationToken).ConfigureAwait(false);
        return known.Keys.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<int> AttributeAsync(IReadOnlyCollection<string> stixIndicatorIds, string actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stixIndicatorIds);
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

    /// <summary>The newest stored version of each id that has one: one query, the ids passed as one JSON array (SQLite) or text array (PostgreSQL).</summary>
    private async Task<Dictionary<string, string>> NewestVersionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        await using var command = _change.Connection.CreateCommand();
        command.Transaction = _change.Transaction;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "ids";
        if (_change.Provider == StoreProvider.Sqlite)
        {
            command.CommandText = "SELECT id, MAX(modified) FROM stix_objects WHERE id IN (SELECT value FROM json_each(@ids)) GROUP BY id";
            parameter.Value = JsonSerializer.Serialize(ids);
        }
        else
        {
            command.CommandText = "SELECT id, MAX(modified) FROM stix_objects WHERE id = ANY(@ids) GROUP BY id";
            parameter.Value = ids.ToArray();
        }

        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    private void Set(string name, object? value) => _parameters[name].Value = value ?? DBNull.Value;

    public void Dispose() => _insert.Dispose();
}
