using Dapper;
using Microsoft.Data.Sqlite;
using Rampart.Core.Auditing;
using Rampart.Core.Sinkhole;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Sinkhole.Victims;

/// <summary>
/// Network tables and the activity victims are computed from. An import is one audited change (a
/// table of a million networks lands whole or not at all); reads never change anything.
/// </summary>
internal sealed class VictimStore(StoreChanges changes) : IVictimStore
{
    private const string InsertSqlite = """
        INSERT INTO victim_networks (table_name, kind, network, organization, asn, country, imported_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        """;

    private const string InsertPostgres = """
        INSERT INTO victim_networks (table_name, kind, network, organization, asn, country, imported_at)
        SELECT @Table, @Kind, n, o, a, c, @At FROM unnest(@Network::text[], @Organization::text[], @Asn::bigint[], @Country::text[]) AS t(n, o, a, c)
        """;

    public Task<long> ImportAsync(string table, VictimTableKind kind, IReadOnlyList<VictimNetwork> networks, string? detail, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentNullException.ThrowIfNull(networks);
        return changes.RunAsync(context, async change =>
        {
            var before = await change.ScalarAsync<long>("SELECT COUNT(*) FROM victim_networks WHERE table_name = @table", new { table }).ConfigureAwait(false);
            await change.ExecuteAsync("DELETE FROM victim_networks WHERE table_name = @table", new { table }).ConfigureAwait(false);
            if (change.Provider == StoreProvider.Sqlite)
            {
                using var insert = new SqliteStatement((SqliteConnection)change.Connection, InsertSqlite);
                for (var i = 0; i < networks.Count; i++)
                {
                    if (i % 4096 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var network = networks[i];
                    insert.Bind(1, table);
                    insert.Bind(2, KindName(kind));
                    insert.Bind(3, network.Network);
                    insert.Bind(4, network.Organization);
                    insert.Bind(5, network.Asn);
                    insert.Bind(6, network.Country);
                    insert.Bind(7, change.NowStore);
                    insert.Execute();
                }
            }
            else
            {
                await change.ExecuteAsync(InsertPostgres, new
                {
                    Table = table,
                    Kind = KindName(kind),
                    At = change.NowStore,
                    Network = networks.Select(n => n.Network).ToArray(),
                    Organization = networks.Select(n => n.Organization).ToArray(),
                    Asn = networks.Select(n => n.Asn).ToArray(),
                    Country = networks.Select(n => n.Country).ToArray(),
                }).ConfigureAwait(false);
            }

            change.Audit("victims.import", table, $"{networks.Count} {KindName(kind)} networks, replacing {before}{(detail is null ? "" : "; " + detail)}");
            return before;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredVictimNetwork>> ListNetworksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<NetworkRow>(new CommandDefinition(
            """
            SELECT table_name AS TableName, kind AS Kind, network AS Network, organization AS Organization, asn AS Asn, country AS Country
            FROM victim_networks ORDER BY imported_at, table_name, network
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new StoredVictimNetwork(r.TableName, ParseKind(r.Kind), new VictimNetwork(r.Network, r.Organization, r.Asn, r.Country)))];
    }

    public async Task<IReadOnlyList<VictimTableSummary>> ListTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Table, string Kind, long Networks, long At)>(new CommandDefinition(
            "SELECT table_name, kind, COUNT(*), MAX(imported_at) FROM victim_networks GROUP BY table_name, kind ORDER BY table_name",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new VictimTableSummary(r.Table, ParseKind(r.Kind), r.Networks, StoreTime.FromStore(r.At)))];
    }

    public async Task<IReadOnlyList<SourceActivity>> ActivityAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string SourceIp, string QueryName, long First, long Last, long Hits)>(new CommandDefinition(
            """
            SELECT source_ip, query_name, MIN(first_at), MAX(last_at), CAST(SUM(hits) AS bigint) FROM (
                SELECT source_ip, query_name, at AS first_at, at AS last_at, 1 AS hits FROM sinkhole_hits WHERE case_id = @caseId
                UNION ALL
                SELECT source_ip, query_name, first_at, last_at, hits FROM sinkhole_rollups WHERE case_id = @caseId
            ) AS activity
            GROUP BY source_ip, query_name ORDER BY source_ip, query_name
            """, new { caseId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new SourceActivity(r.SourceIp, r.QueryName, StoreTime.FromStore(r.First), StoreTime.FromStore(r.Last), r.Hits))];
    }

    private static string KindName(VictimTableKind kind) => kind switch
    {
        VictimTableKind.Organizations => "organizations",
        VictimTableKind.Asn => "asn",
    };

    private static VictimTableKind ParseKind(string kind) => kind == "asn" ? VictimTableKind.Asn : VictimTableKind.Organizations;

    /// <summary>Settable properties: see <see cref="SinkholeHitRow"/> on Dapper and SQLite's column types.</summary>
    private sealed class NetworkRow
    {
        public string TableName { get; set; } = "";

        public string Kind { get; set; } = "";

        public string Network { get; set; } = "";

        public string? Organization { get; set; }

        public long? Asn { get; set; }

        public string? Country { get; set; }
    }
}
