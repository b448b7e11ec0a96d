using System.Runtime.CompilerServices;
using Dapper;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// Indicators: unique on (type, normalized value, source); each row carries the revision of its last
/// change. Imports are one transaction (<see cref="ImportAsync"/>, in <c>IndicatorStore.Import.cs</c>).
/// </summary>
internal sealed partial class IndicatorStore(StoreChanges changes) : IIndicatorStore
{
    private const string Live = "NOT revoked AND valid_from <= @Now AND (valid_until IS NULL OR valid_until > @Now)";

    public async Task<Indicator?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(new CommandDefinition(
            $"SELECT {IndicatorRow.Columns} FROM indicators WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToIndicator();
    }

    /// <summary>Keyset paging by id: each page starts after the last id of the previous one, so rows added meanwhile never shift a page.</summary>
    public async Task<IndicatorPage> ListAsync(IndicatorQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, IndicatorQuery.MaxLimit);
        var conditions = new List<string>(6);
        if (query.After is not null)
        {
            conditions.Add("id > @After");
        }

        if (query.Type is not null)
        {
            conditions.Add("type = @Type");
        }

        if (query.NormalizedValue is not null)
        {
            conditions.Add("normalized_value = @NormalizedValue");
        }

        if (query.ActorId is not null)
        {
            conditions.Add("actor_id = @ActorId");
        }

        if (query.Source is not null)
        {
            conditions.Add("source = @Source");
        }

        if (!query.IncludeRevoked)
        {
            conditions.Add("NOT revoked");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<IndicatorRow>(new CommandDefinition(
            $"SELECT {IndicatorRow.Columns} FROM indicators {where} ORDER BY id LIMIT @Take",
            new { query.After, Type = query.Type?.ToWire(), query.NormalizedValue, query.ActorId, query.Source, Take = limit + 1 },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();

        var items = rows.Take(limit).Select(r => r.ToIndicator()).ToList();
        return new IndicatorPage(items, rows.Count > limit ? items[^1].Id : null);
    }

    public Task<bool> RevokeAsync(string id, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var revoked = await change.QuerySingleOrDefaultAsync<string>(
                "UPDATE indicators SET revoked = TRUE, modified_at = @Now, revision = @Revision WHERE id = @Id AND NOT revoked RETURNING id",
                new { Id = id, Now = change.NowStore, change.Revision }).ConfigureAwait(false);
            if (revoked is not null)
            {
                change.Audit("indicator.revoke", id);
                return true;
            }

            return await change.ScalarAsync<long>("SELECT COUNT(*) FROM indicators WHERE id = @Id", new { Id = id }).ConfigureAwait(false) > 0;
        }, cancellationToken);

    /// <summary>Streams row by row from an open reader, in id order; memory stays flat however many there are.</summary>
    public async IAsyncEnumerable<Indicator> StreamLiveAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = connection.QueryUnbufferedAsync<IndicatorRow>(
            $"SELECT {IndicatorRow.Columns} FROM indicators WHERE {Live} ORDER BY id",
            new { Now = StoreTime.ToStore(now) });
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return row.ToIndicator();
        }
    }

    public async Task<IReadOnlyList<Indicator>> ChangedSinceAsync(long revision, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<IndicatorRow>(new CommandDefinition(
            $"SELECT {IndicatorRow.Columns} FROM indicators WHERE revision > @Revision ORDER BY revision, id LIMIT @Limit",
            new { Revision = revision, Limit = Math.Max(limit, 0) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToIndicator()).ToList();
    }

    public async Task<long> CountAsync(bool liveOnly, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var sql = liveOnly ? $"SELECT COUNT(*) FROM indicators WHERE {Live}" : "SELECT COUNT(*) FROM indicators";
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            sql, new { Now = StoreTime.ToStore(changes.Time.GetUtcNow()) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
