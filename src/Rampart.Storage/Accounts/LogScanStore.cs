using System.Text.Json;
using Dapper;
using Rampart.Core;
using Rampart.Core.Accounts;
using Rampart.Core.Auditing;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Accounts;

internal sealed class LogScanStore(StoreChanges changes) : ILogScanStore
{
    private const string InsertScan = """
        INSERT INTO log_scans (id, at, files, events, problems, rules, matches, revision)
        VALUES (@Id, @At, @Files, @Events, @Problems, @Rules, @Matches, @Revision)
        """;

    private const string InsertMatch = """
        INSERT INTO rule_matches (id, scan_id, rule_id, rule_title, level, logsource, event_time, account, client_ip, operation, file, line, group_key, event)
        VALUES (@Id, @ScanId, @RuleId, @RuleTitle, @Level, @Logsource, @EventTime, @Account, @ClientIp, @Operation, @File, @Line, @GroupKey, @Event)
        """;

    public Task<LogScan> RecordAsync(NewLogScan scan, IReadOnlyList<RuleMatch> matches, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(matches);
        return changes.RunAsync(context, async change =>
        {
            var id = RampartId.New("log-scan");
            await change.ExecuteAsync(InsertScan, new
            {
                Id = id,
                At = change.NowStore,
                Files = JsonSerializer.Serialize(scan.Files),
                scan.Events,
                scan.Problems,
                scan.Rules,
                Matches = matches.Count,
                change.Revision,
            }).ConfigureAwait(false);
            foreach (var match in matches)
            {
                await change.ExecuteAsync(InsertMatch, new
                {
                    Id = RampartId.New("rule-match"),
                    ScanId = id,
                    match.RuleId,
                    match.RuleTitle,
                    match.Level,
                    match.Logsource,
                    EventTime = match.EventTime is { } t ? StoreTime.ToStore(t) : (long?)null,
                    match.Account,
                    match.ClientIp,
                    match.Operation,
                    match.File,
                    match.Line,
                    match.GroupKey,
                    match.Event,
                }).ConfigureAwait(false);
            }

            change.Audit("logs.scan", id, $"files={scan.Files.Count} events={scan.Events} problems={scan.Problems} rules={scan.Rules} matches={matches.Count}");
            return new LogScan(id, StoreTime.FromStore(change.NowStore), scan.Files, scan.Events, scan.Problems, scan.Rules, matches.Count);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<LogScan>> ListScansAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<LogScanRow>(new CommandDefinition(
            $"SELECT {LogScanRow.Columns} FROM log_scans ORDER BY at DESC, id DESC LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToLogScan()).ToList();
    }

    public async Task<IReadOnlyList<StoredRuleMatch>> ListMatchesAsync(RuleMatchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RuleMatchRow>(new CommandDefinition(
            $"""
            SELECT {RuleMatchRow.Columns} FROM rule_matches
            WHERE (@ScanId IS NULL OR scan_id = @ScanId)
              AND (@Account IS NULL OR account = @Account)
              AND (@RuleId IS NULL OR rule_id = @RuleId)
            ORDER BY event_time, id
            LIMIT @Limit
            """,
            new { query.ScanId, query.Account, query.RuleId, query.Limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToStored()).ToList();
    }
}
