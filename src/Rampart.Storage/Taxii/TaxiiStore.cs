using System.Text.Json;
using Dapper;
using Rampart.Core.Auditing;
using Rampart.Core.Markings;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Taxii;
using Rampart.Taxii.Client;
using Rampart.Taxii.Collections;
using Rampart.Taxii.Objects;
using Rampart.Taxii.Resources;

namespace Rampart.Storage.Taxii;

/// <summary>
/// The TAXII tables. Definitions, grants and inbox additions are changes (revision, audit); cursors,
/// statuses and pull history are bookkeeping written directly, so paging does not wake every
/// process's store watcher.
/// </summary>
internal sealed partial class TaxiiStore(StoreChanges changes) : ITaxiiStore
{
    private StoreDatabase Database => changes.Database;

    public Task CreateCollectionAsync(TaxiiCollection collection, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return changes.RunAsync(context, async change =>
        {
            await change.ExecuteAsync(
                """
                INSERT INTO taxii_collections (id, title, description, alias, kind, argument, ceiling, created_at)
                VALUES (@Id, @Title, @Description, @Alias, @Kind, @Argument, @Ceiling, @Now)
                """,
                new
                {
                    collection.Id,
                    collection.Title,
                    collection.Description,
                    collection.Alias,
                    Kind = TaxiiRows.ToStore(collection.Kind),
                    collection.Argument,
                    Ceiling = collection.Ceiling.ToWire(),
                    Now = change.NowStore,
                }).ConfigureAwait(false);
            change.Audit("taxii.collection.create", collection.Id, $"{TaxiiRows.ToStore(collection.Kind)} {collection.Argument} ceiling={collection.Ceiling.ToWire()}");
            return 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TaxiiCollection>> ListCollectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TaxiiRows.CollectionRow>(new CommandDefinition(
            "SELECT id, title, description, alias, kind, argument, ceiling FROM taxii_collections ORDER BY created_at, id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToCollection()).ToList();
    }

    public async Task<TaxiiCollection?> GetCollectionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<TaxiiRows.CollectionRow>(new CommandDefinition(
            "SELECT id, title, description, alias, kind, argument, ceiling FROM taxii_collections WHERE id = @Id",
            new { Id = id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToCollection();
    }

    public Task GrantAsync(TaxiiGrant grant, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return changes.RunAsync(context, async change =>
        {
            await change.ExecuteAsync(
                """
                INSERT INTO taxii_grants (collection_id, grantee, can_read, can_write, clearance)
                VALUES (@CollectionId, @Grantee, @CanRead, @CanWrite, @Clearance)
                ON CONFLICT (collection_id, grantee) DO UPDATE SET can_read = excluded.can_read, can_write = excluded.can_write, clearance = excluded.clearance
                """,
                new { grant.CollectionId, grant.Grantee, grant.CanRead, grant.CanWrite, Clearance = grant.Clearance.ToWire() }).ConfigureAwait(false);
            change.Audit("taxii.grant", grant.CollectionId, $"{grant.Grantee} read={grant.CanRead} write={grant.CanWrite} clearance={grant.Clearance.ToWire()}");
            return 0;
        }, cancellationToken);
    }

    public Task<bool> RevokeAsync(string collectionId, string grantee, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var removed = await change.ExecuteAsync(
                "DELETE FROM taxii_grants WHERE collection_id = @CollectionId AND lower(grantee) = lower(@Grantee)",
                new { CollectionId = collectionId, Grantee = grantee }).ConfigureAwait(false);
            if (removed > 0)
            {
                change.Audit("taxii.revoke", collectionId, grantee);
            }

            return removed > 0;
        }, cancellationToken);

    public async Task<IReadOnlyList<TaxiiGrant>> ListGrantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TaxiiRows.GrantRow>(new CommandDefinition(
            "SELECT collection_id AS CollectionId, grantee, can_read AS CanRead, can_write AS CanWrite, clearance FROM taxii_grants ORDER BY collection_id, grantee",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToGrant()).ToList();
    }

    public async Task<IReadOnlyList<TaxiiGrant>> GrantsForAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TaxiiRows.GrantRow>(new CommandDefinition(
            """
            SELECT collection_id AS CollectionId, grantee, can_read AS CanRead, can_write AS CanWrite, clearance
            FROM taxii_grants WHERE grantee = @Everyone OR lower(grantee) = lower(@Name)
            """,
            new { Everyone = TaxiiGrant.Everyone, Name = userName },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToGrant()).ToList();
    }

    /// <summary>
    /// SQLite: the last date_added handed out — to a stored version (the row id of <c>stix_objects</c>) or
    /// to an inbox or case entry in the log; one sequence covers both (taxii/sqlite/0004).
    /// </summary>
    private const string SqliteLastDateAdded = "MAX(COALESCE((SELECT MAX(date_added) FROM taxii_log), 0), COALESCE((SELECT MAX(date_added) FROM stix_objects), 0))";

    public async Task<long> HighWaterMarkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            Database.Provider == StoreProvider.Sqlite ? $"SELECT {SqliteLastDateAdded}" : "SELECT COALESCE(MAX(date_added), 0) FROM taxii_log",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public Task<int> AddToCollectionAsync(string collectionId, IReadOnlyList<(string Id, DateTimeOffset? Modified)> versions, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return changes.RunAsync(context, async change =>
        {
            var next = change.Provider switch
            {
                StoreProvider.Sqlite => $"MAX(@NowMicros, {SqliteLastDateAdded} + 1)",
                StoreProvider.Postgres => "taxii_next_date_added()",
            };
            var added = 0;
            foreach (var (id, modified) in versions)
            {
                added += await change.ExecuteAsync(
                    $"""
                    INSERT INTO taxii_log (date_added, collection_id, id, modified)
                    SELECT {next}, @Collection, @Id, @Modified
                    WHERE NOT EXISTS (SELECT 1 FROM taxii_log WHERE collection_id = @Collection AND id = @Id AND modified = @Modified)
                    ON CONFLICT (collection_id, id, modified) WHERE collection_id IS NOT NULL DO NOTHING
                    """,
                    new { Collection = collectionId, Id = id, Modified = StixObjectRow.ToVersion(modified), NowMicros = TaxiiTimestamp.ToMicroseconds(change.Now) }).ConfigureAwait(false);
            }

            if (added > 0)
            {
                change.Audit("taxii.add", collectionId, $"objects added={added}");
            }

            return added;
        }, cancellationToken);
    }

    public Task<int> RemoveFromCollectionAsync(string collectionId, IReadOnlyList<(string Id, DateTimeOffset? Modified)> versions, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return changes.RunAsync(context, async change =>
        {
            var removed = 0;
            foreach (var (id, modified) in versions)
            {
                removed += await change.ExecuteAsync(
                    "DELETE FROM taxii_log WHERE collection_id = @Collection AND id = @Id AND modified = @Modified",
                    new { Collection = collectionId, Id = id, Modified = StixObjectRow.ToVersion(modified) }).ConfigureAwait(false);
            }

            if (removed > 0)
            {
                change.Audit("taxii.delete", collectionId, $"{versions[0].Id} versions removed={removed}");
            }

            return removed;
        }, cancellationToken);
    }

    public async Task SaveCursorAsync(TaxiiCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = StoreTime.ToStore(changes.Time.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM taxii_cursors WHERE expires_at < @Now;
            INSERT INTO taxii_cursors (id, collection_id, endpoint, object_id, user_name, fingerprint, after_added, upper_added, expires_at)
            VALUES (@Id, @CollectionId, @Endpoint, @ObjectId, @UserName, @Fingerprint, @After, @Upper, @ExpiresAt)
            """,
            new
            {
                cursor.Id,
                cursor.CollectionId,
                cursor.Endpoint,
                cursor.ObjectId,
                cursor.UserName,
                cursor.Fingerprint,
                cursor.After,
                cursor.Upper,
                ExpiresAt = StoreTime.ToStore(cursor.ExpiresAt),
                Now = now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<TaxiiCursor?> GetCursorAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<TaxiiRows.CursorRow>(new CommandDefinition(
            """
            SELECT id, collection_id AS CollectionId, endpoint, object_id AS ObjectId, user_name AS UserName, fingerprint,
                   after_added AS AfterAdded, upper_added AS UpperAdded, expires_at AS ExpiresAt
            FROM taxii_cursors WHERE id = @Id
            """,
            new { Id = id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null || row.ExpiresAt < StoreTime.ToStore(changes.Time.GetUtcNow())
            ? null
            : new TaxiiCursor(row.Id, row.CollectionId, row.Endpoint, row.ObjectId, row.UserName, row.Fingerprint, row.AfterAdded, row.UpperAdded, StoreTime.FromStore(row.ExpiresAt));
    }

    public async Task SaveStatusAsync(TaxiiStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var details = JsonSerializer.Serialize(new StoredDetails(status.Successes, status.Failures, status.Pendings));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO taxii_statuses (id, collection_id, user_name, request_timestamp, details) VALUES (@Id, @CollectionId, @UserName, @At, @Details)
            ON CONFLICT (id) DO UPDATE SET details = excluded.details
            """,
            new { status.Id, status.CollectionId, status.UserName, At = TaxiiTimestamp.ToMicroseconds(status.RequestTimestamp), Details = details },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<TaxiiStatus?> GetStatusAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<TaxiiRows.StatusRow>(new CommandDefinition(
            "SELECT id, collection_id AS CollectionId, user_name AS UserName, request_timestamp AS RequestTimestamp, details FROM taxii_statuses WHERE id = @Id",
            new { Id = id },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var details = JsonSerializer.Deserialize<StoredDetails>(row.Details) ?? new StoredDetails([], [], []);
        return new TaxiiStatus(row.Id, row.CollectionId, row.UserName, TaxiiTimestamp.FromMicroseconds(row.RequestTimestamp), details.Successes, details.Failures, details.Pendings);
    }

    public async Task<TaxiiPullState?> GetPullStateAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<TaxiiRows.PullRow>(new CommandDefinition(
            "SELECT source, added_after AS AddedAfter, last_run AS LastRun, fetched, imported, last_error AS LastError FROM taxii_pulls WHERE source = @Source",
            new { Source = source },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : ToState(row);
    }

    public async Task<IReadOnlyList<TaxiiPullState>> ListPullStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TaxiiRows.PullRow>(new CommandDefinition(
            "SELECT source, added_after AS AddedAfter, last_run AS LastRun, fetched, imported, last_error AS LastError FROM taxii_pulls ORDER BY source",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(ToState).ToList();
    }

    public async Task SavePullStateAsync(TaxiiPullState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO taxii_pulls (source, added_after, last_run, fetched, imported, last_error) VALUES (@Source, @AddedAfter, @LastRun, @Fetched, @Imported, @LastError)
            ON CONFLICT (source) DO UPDATE SET added_after = excluded.added_after, last_run = excluded.last_run,
                fetched = excluded.fetched, imported = excluded.imported, last_error = excluded.last_error
            """,
            new { state.Source, state.AddedAfter, LastRun = StoreTime.ToStore(state.LastRun), state.Fetched, state.Imported, state.LastError },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static TaxiiPullState ToState(TaxiiRows.PullRow row) =>
        new(row.Source, row.AddedAfter, StoreTime.FromStore(row.LastRun), row.Fetched, row.Imported, row.LastError);

    private sealed record StoredDetails(IReadOnlyList<TaxiiStatusDetail> Successes, IReadOnlyList<TaxiiStatusDetail> Failures, IReadOnlyList<TaxiiStatusDetail> Pendings);
}
