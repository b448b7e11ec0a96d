using System.Data.Common;
using Dapper;
using Rampart.Core.Sinkhole;

namespace Rampart.Storage.Sinkhole;

/// <summary>
/// Sinkhole hits. Writes bypass the store revision and audit trail on purpose: hits arrive by the
/// thousand per second and change nothing a verdict or a reader of the audit trail depends on.
/// </summary>
internal sealed class SinkholeHitStore(StoreDatabase database) : ISinkholeHitStore
{
    private const string InsertSqlite = """
        INSERT INTO sinkhole_hits (hit_id, node_id, sequence, at, transport, source_ip, source_port, case_id, query_name, query_type, answer, client_subnet)
        VALUES (@HitId, @NodeId, @Sequence, @At, @Transport, @SourceIp, @SourcePort, @CaseId, @QueryName, @QueryType, @Answer, @ClientSubnet)
        ON CONFLICT (hit_id) DO NOTHING
        """;

    // One round trip per batch: the columns travel as arrays and are unnested server-side.
    private const string InsertPostgres = """
        INSERT INTO sinkhole_hits (hit_id, node_id, sequence, at, transport, source_ip, source_port, case_id, query_name, query_type, answer, client_subnet)
        SELECT * FROM unnest(@HitId::text[], @NodeId::text[], @Sequence::bigint[], @At::bigint[], @Transport::text[], @SourceIp::text[], @SourcePort::integer[], @CaseId::text[], @QueryName::text[], @QueryType::integer[], @Answer::text[], @ClientSubnet::text[])
        ON CONFLICT (hit_id) DO NOTHING
        """;

    public async Task<int> AddAsync(IReadOnlyList<SinkholeHit> hits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var added = database.Provider switch
        {
            StoreProvider.Sqlite => await AddSqliteAsync(connection, transaction, hits, cancellationToken).ConfigureAwait(false),
            StoreProvider.Postgres => await connection.ExecuteAsync(new CommandDefinition(InsertPostgres, new
            {
                HitId = hits.Select(h => h.HitId).ToArray(),
                NodeId = hits.Select(h => h.NodeId).ToArray(),
                Sequence = hits.Select(h => h.Sequence).ToArray(),
                At = hits.Select(h => StoreTime.ToStore(h.Time)).ToArray(),
                Transport = hits.Select(h => h.Transport).ToArray(),
                SourceIp = hits.Select(h => h.SourceIp).ToArray(),
                SourcePort = hits.Select(h => h.SourcePort).ToArray(),
                CaseId = hits.Select(h => h.CaseId).ToArray(),
                QueryName = hits.Select(h => h.QueryName).ToArray(),
                QueryType = hits.Select(h => h.QueryType).ToArray(),
                Answer = hits.Select(h => h.Answer).ToArray(),
                ClientSubnet = hits.Select(h => h.ClientSubnet).ToArray(),
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false),
        };
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<IReadOnlyList<SinkholeHit>> ListAsync(SinkholeHitQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SinkholeHitRow>(new CommandDefinition(
            $"""
            SELECT {SinkholeHitRow.Columns} FROM sinkhole_hits
            WHERE (@CaseId IS NULL OR case_id = @CaseId)
              AND (@QueryName IS NULL OR query_name = @QueryName)
              AND (@SourceIp IS NULL OR source_ip = @SourceIp)
              AND (@Since IS NULL OR at >= @Since)
              AND (@Until IS NULL OR at < @Until)
            ORDER BY at, hit_id
            LIMIT @Limit
            """,
            new { query.CaseId, query.QueryName, query.SourceIp, Since = StoreTime.ToStore(query.Since), Until = StoreTime.ToStore(query.Until), query.Limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToHit()).ToList();
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM sinkhole_hits", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<int> AddSqliteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SinkholeHit> hits, CancellationToken cancellationToken)
    {
        // One prepared statement, parameters rebound per row: SQLite does ~100k of these a second.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSqlite;
        var names = new[] { "@HitId", "@NodeId", "@Sequence", "@At", "@Transport", "@SourceIp", "@SourcePort", "@CaseId", "@QueryName", "@QueryType", "@Answer", "@ClientSubnet" };
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var hit in hits)
        {
            parameters[0].Value = hit.HitId;
            parameters[1].Value = hit.NodeId;
            parameters[2].Value = hit.Sequence;
            parameters[3].Value = StoreTime.ToStore(hit.Time);
            parameters[4].Value = hit.Transport;
            parameters[5].Value = hit.SourceIp;
            parameters[6].Value = hit.SourcePort;
            parameters[7].Value = (object?)hit.CaseId ?? DBNull.Value;
            parameters[8].Value = hit.QueryName;
            parameters[9].Value = hit.QueryType;
            parameters[10].Value = hit.Answer;
            parameters[11].Value = (object?)hit.ClientSubnet ?? DBNull.Value;
            added += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }
}
