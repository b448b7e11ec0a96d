using Dapper;
using Microsoft.Data.Sqlite;
using Rampart.Core.Auditing;
using Rampart.Core.Sinkhole;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Sinkhole.Victims;

/// <summary>
/// Rollups and purges. A day's rollup reads and deletes its raw hits in one statement on PostgreSQL
/// (DELETE … RETURNING), so a hit an ingester commits meanwhile is either rolled up or left raw, never
/// lost; on SQLite the write transaction already keeps other writers out between read and delete.
/// </summary>
internal sealed class SinkholeRetentionStore(StoreChanges changes) : ISinkholeRetentionStore
{
    private const long DayMs = 86_400_000;

    // One day's groups, FROM the hits table or the CTE of the deleted ones.
    private const string Groups = """
        SELECT (at / 86400000) * 86400000 AS Day, COALESCE(case_id, '') AS CaseId, query_name AS QueryName, source_ip AS SourceIp,
               MIN(at) AS FirstAt, MAX(at) AS LastAt, COUNT(*) AS Hits
        FROM
        """;

    private const string GroupBy = " GROUP BY 1, 2, 3, 4";

    private const string UpsertSqlite = """
        INSERT INTO sinkhole_rollups (case_id, day, query_name, source_ip, organization, first_at, last_at, hits)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT (case_id, day, query_name, source_ip) DO UPDATE SET
            organization = excluded.organization, first_at = min(first_at, excluded.first_at),
            last_at = max(last_at, excluded.last_at), hits = hits + excluded.hits
        """;

    private const string UpsertPostgres = """
        INSERT INTO sinkhole_rollups (case_id, day, query_name, source_ip, organization, first_at, last_at, hits)
        SELECT * FROM unnest(@CaseId::text[], @Day::bigint[], @QueryName::text[], @SourceIp::text[], @Organization::text[], @FirstAt::bigint[], @LastAt::bigint[], @Hits::bigint[])
        ON CONFLICT (case_id, day, query_name, source_ip) DO UPDATE SET
            organization = excluded.organization, first_at = LEAST(sinkhole_rollups.first_at, excluded.first_at),
            last_at = GREATEST(sinkhole_rollups.last_at, excluded.last_at), hits = sinkhole_rollups.hits + excluded.hits
        """;

    public Task<RollupResult?> RollUpOldestDayAsync(DateTimeOffset before, Func<string, string?> organizationOf, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationOf);
        return changes.RunAsync<RollupResult?>(context, async change =>
        {
            var oldest = await change.ScalarAsync<long?>("SELECT MIN(at) FROM sinkhole_hits WHERE at < @before", new { before = StoreTime.ToStore(before) }).ConfigureAwait(false);
            if (oldest is not { } first)
            {
                return null;
            }

            var day = first / DayMs * DayMs;
            var end = Math.Min(day + DayMs, StoreTime.ToStore(before));
            var window = new { day, end };
            List<Group> groups;
            long deleted;
            if (change.Provider == StoreProvider.Postgres)
            {
                groups = [.. await change.QueryAsync<Group>(
                    "WITH gone AS (DELETE FROM sinkhole_hits WHERE at >= @day AND at < @end RETURNING at, case_id, query_name, source_ip) " + Groups + " gone" + GroupBy,
                    window).ConfigureAwait(false)];
                deleted = groups.Sum(g => g.Hits);
            }
            else
            {
                groups = [.. await change.QueryAsync<Group>(
                    Groups + " sinkhole_hits WHERE at >= @day AND at < @end" + GroupBy, window).ConfigureAwait(false)];
                deleted = await change.ExecuteAsync("DELETE FROM sinkhole_hits WHERE at >= @day AND at < @end", window).ConfigureAwait(false);
            }

            var organizations = groups.Select(g => g.SourceIp).Distinct(StringComparer.Ordinal).ToDictionary(ip => ip, organizationOf, StringComparer.Ordinal);
            if (change.Provider == StoreProvider.Sqlite)
            {
                using var upsert = new SqliteStatement((SqliteConnection)change.Connection, UpsertSqlite);
                foreach (var g in groups)
                {
                    upsert.Bind(1, g.CaseId);
                    upsert.Bind(2, g.Day);
                    upsert.Bind(3, g.QueryName);
                    upsert.Bind(4, g.SourceIp);
                    upsert.Bind(5, organizations[g.SourceIp]);
                    upsert.Bind(6, g.FirstAt);
                    upsert.Bind(7, g.LastAt);
                    upsert.Bind(8, g.Hits);
                    upsert.Execute();
                }
            }
            else
            {
                await change.ExecuteAsync(UpsertPostgres, new
                {
                    CaseId = groups.Select(g => g.CaseId).ToArray(),
                    Day = groups.Select(g => g.Day).ToArray(),
                    QueryName = groups.Select(g => g.QueryName).ToArray(),
                    SourceIp = groups.Select(g => g.SourceIp).ToArray(),
                    Organization = groups.Select(g => organizations[g.SourceIp]).ToArray(),
                    FirstAt = groups.Select(g => g.FirstAt).ToArray(),
                    LastAt = groups.Select(g => g.LastAt).ToArray(),
                    Hits = groups.Select(g => g.Hits).ToArray(),
                }).ConfigureAwait(false);
            }

            var result = new RollupResult(StoreTime.FromStore(day), deleted, groups.Count);
            change.Audit("sinkhole.rollup", result.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{deleted} raw hits into {groups.Count} daily rows");
            return result;
        }, cancellationToken);
    }

    public Task<(long Hits, long Rollups)> PurgeAsync(string caseId, bool rollups, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        return changes.RunAsync(context, async change =>
        {
            long hits = await change.ExecuteAsync("DELETE FROM sinkhole_hits WHERE case_id = @caseId", new { caseId }).ConfigureAwait(false);
            long rows = rollups ? await change.ExecuteAsync("DELETE FROM sinkhole_rollups WHERE case_id = @caseId", new { caseId }).ConfigureAwait(false) : 0;
            change.Audit("sinkhole.purge", caseId, rollups ? $"{hits} raw hits and {rows} daily rollup rows removed" : $"{hits} raw hits removed");
            return (hits, rows);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SinkholeDailyCount>> ListDailyAsync(SinkholeHitQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DailyRow>(new CommandDefinition(
            """
            SELECT case_id AS CaseId, day AS Day, query_name AS QueryName, source_ip AS SourceIp, organization AS Organization,
                   first_at AS FirstAt, last_at AS LastAt, hits AS Hits
            FROM sinkhole_rollups
            WHERE (@CaseId IS NULL OR case_id = @CaseId)
              AND (@QueryName IS NULL OR query_name = @QueryName)
              AND (@SourceIp IS NULL OR source_ip = @SourceIp)
              AND (@Since IS NULL OR last_at >= @Since)
              AND (@Until IS NULL OR first_at < @Until)
            ORDER BY day, case_id, query_name, source_ip
            LIMIT @Limit
            """,
            new { query.CaseId, query.QueryName, query.SourceIp, Since = StoreTime.ToStore(query.Since), Until = StoreTime.ToStore(query.Until), query.Limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new SinkholeDailyCount(
            r.CaseId.Length == 0 ? null : r.CaseId, StoreTime.FromStore(r.Day), r.QueryName, r.SourceIp, r.Organization,
            StoreTime.FromStore(r.FirstAt), StoreTime.FromStore(r.LastAt), r.Hits))];
    }

    /// <summary>Settable properties: see <see cref="SinkholeHitRow"/> on Dapper and SQLite's column types.</summary>
    private sealed class DailyRow
    {
        public string CaseId { get; set; } = "";

        public long Day { get; set; }

        public string QueryName { get; set; } = "";

        public string SourceIp { get; set; } = "";

        public string? Organization { get; set; }

        public long FirstAt { get; set; }

        public long LastAt { get; set; }

        public long Hits { get; set; }
    }

    /// <summary>Settable properties: see <see cref="SinkholeHitRow"/> on Dapper and SQLite's column types.</summary>
    private sealed class Group
    {
        public long Day { get; set; }

        public string CaseId { get; set; } = "";

        public string QueryName { get; set; } = "";

        public string SourceIp { get; set; } = "";

        public long FirstAt { get; set; }

        public long LastAt { get; set; }

        public long Hits { get; set; }
    }
}
