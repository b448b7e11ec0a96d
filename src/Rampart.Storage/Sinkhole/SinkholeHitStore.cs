using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Rampart.Core.Sinkhole;

namespace Rampart.Storage.Sinkhole;

/// <summary>
/// Sinkhole hits. Writes bypass the store revision and audit trail on purpose: hits arrive by the
/// thousand per second and change nothing a verdict or a reader of the audit trail depends on.
/// </summary>
internal sealed class SinkholeHitStore(StoreDatabase database) : ISinkholeHitStore
{
    private const string Columns = "hit_id, node_id, sequence, at, transport, source_ip, source_port, case_id, query_name, query_type, answer, client_subnet, http_method, http_host, url, user_agent, referer, forwarded_for, body_length, body_sha256, tls_sni";

    // Bound by position (SqliteStatement): ?1 … ?21 follow Columns.
    private const string InsertSqlite = $"""
        INSERT INTO sinkhole_hits ({Columns})
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
        ON CONFLICT (hit_id) DO NOTHING
        """;

    // One round trip per batch: the columns travel as arrays and are unnested server-side.
    private const string InsertPostgres = $"""
        INSERT INTO sinkhole_hits ({Columns})
        SELECT * FROM unnest(@HitId::text[], @NodeId::text[], @Sequence::bigint[], @At::bigint[], @Transport::text[], @SourceIp::text[], @SourcePort::integer[], @CaseId::text[], @QueryName::text[], @QueryType::integer[], @Answer::text[], @ClientSubnet::text[],
                             @HttpMethod::text[], @HttpHost::text[], @Url::text[], @UserAgent::text[], @Referer::text[], @ForwardedFor::text[], @BodyLength::bigint[], @BodySha256::text[], @TlsSni::text[])
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
            StoreProvider.Sqlite => AddSqlite((SqliteConnection)connection, hits, cancellationToken),
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
                HttpMethod = hits.Select(h => h.HttpMethod).ToArray(),
                HttpHost = hits.Select(h => h.HttpHost).ToArray(),
                Url = hits.Select(h => h.Url).ToArray(),
                UserAgent = hits.Select(h => h.UserAgent).ToArray(),
                Referer = hits.Select(h => h.Referer).ToArray(),
                ForwardedFor = hits.Select(h => h.ForwardedFor).ToArray(),
                BodyLength = hits.Select(h => h.BodyLength).ToArray(),
                BodySha256 = hits.Select(h => h.BodySha256).ToArray(),
                TlsSni = hits.Select(h => h.TlsSni).ToArray(),
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

    /// <summary>One prepared statement bound by position, inside the caller's transaction.</summary>
    private static int AddSqlite(SqliteConnection connection, IReadOnlyList<SinkholeHit> hits, CancellationToken cancellationToken)
    {
        using var insert = new SqliteStatement(connection, InsertSqlite);
        var added = 0;
        for (var i = 0; i < hits.Count; i++)
        {
            if (i % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var hit = hits[i];
            insert.Bind(1, hit.HitId);
            insert.Bind(2, hit.NodeId);
            insert.Bind(3, hit.Sequence);
            insert.Bind(4, StoreTime.ToStore(hit.Time));
            insert.Bind(5, hit.Transport);
            insert.Bind(6, hit.SourceIp);
            insert.Bind(7, hit.SourcePort);
            insert.Bind(8, hit.CaseId);
            insert.Bind(9, hit.QueryName);
            insert.Bind(10, hit.QueryType);
            insert.Bind(11, hit.Answer);
            insert.Bind(12, hit.ClientSubnet);
            insert.Bind(13, hit.HttpMethod);
            insert.Bind(14, hit.HttpHost);
            insert.Bind(15, hit.Url);
            insert.Bind(16, hit.UserAgent);
            insert.Bind(17, hit.Referer);
            insert.Bind(18, hit.ForwardedFor);
            insert.Bind(19, hit.BodyLength);
            insert.Bind(20, hit.BodySha256);
            insert.Bind(21, hit.TlsSni);
            added += insert.Execute();
        }

        return added;
    }
}
