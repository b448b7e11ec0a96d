using Dapper;
using Rampart.Core.Accounts;
using Rampart.Core.Auditing;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Accounts.SigmaRules;

/// <summary>Sigma rules and the per-log-source rule sets; every write goes through <see cref="StoreChanges"/> (revision + audit).</summary>
internal sealed class SigmaRuleStore(StoreChanges changes) : ISigmaRuleStore
{
    private const string Upsert = """
        INSERT INTO sigma_rules (id, title, kind, product, service, category, level, status, enabled, source, yaml, modified_at, revision)
        VALUES (@Id, @Title, @Kind, @Product, @Service, @Category, @Level, @Status, @Enabled, @Source, @Yaml, @Now, @Revision)
        ON CONFLICT (id) DO UPDATE SET
            title = excluded.title, kind = excluded.kind, product = excluded.product, service = excluded.service,
            category = excluded.category, level = excluded.level, status = excluded.status, source = excluded.source,
            yaml = excluded.yaml, modified_at = excluded.modified_at, revision = excluded.revision
        WHERE sigma_rules.yaml <> excluded.yaml OR sigma_rules.title <> excluded.title OR sigma_rules.source <> excluded.source
        """;

    private const string LogSources = """
        SELECT r.product AS Product, r.service AS Service, r.category AS Category,
               COUNT(*) AS Rules, SUM(CASE WHEN r.enabled THEN 1 ELSE 0 END) AS EnabledRules,
               COALESCE(MAX(CASE WHEN l.enabled THEN 1 WHEN NOT l.enabled THEN 0 END), 1) = 1 AS Enabled
        FROM sigma_rules r
        LEFT JOIN sigma_logsources l ON l.product = r.product AND l.service = r.service AND l.category = r.category
        GROUP BY r.product, r.service, r.category
        ORDER BY r.product, r.service, r.category
        """;

    public Task<int> ImportAsync(IReadOnlyList<StoredSigmaRule> rules, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return changes.RunAsync(context, async change =>
        {
            var changed = 0;
            foreach (var rule in rules)
            {
                changed += await change.ExecuteAsync(Upsert, new
                {
                    rule.Id,
                    rule.Title,
                    rule.Kind,
                    Product = rule.Product ?? "",
                    Service = rule.Service ?? "",
                    Category = rule.Category ?? "",
                    rule.Level,
                    rule.Status,
                    rule.Enabled,
                    rule.Source,
                    rule.Yaml,
                    Now = change.NowStore,
                    change.Revision,
                }).ConfigureAwait(false);
            }

            if (changed > 0)
            {
                change.Audit("sigma-rules.import", "sigma-rules", $"documents={rules.Count} changed={changed}");
            }

            return changed;
        }, cancellationToken);
    }

    public async Task<StoredSigmaRule?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("id = @Id", new { Id = id }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<StoredSigmaRule>> ListAsync(string? product, string? service, bool? enabled, CancellationToken cancellationToken) =>
        QueryAsync(
            "(@Product IS NULL OR product = @Product) AND (@Service IS NULL OR service = @Service) AND (@Enabled IS NULL OR enabled = @Enabled)",
            new { Product = product, Service = service, Enabled = enabled },
            cancellationToken);

    public Task<IReadOnlyList<StoredSigmaRule>> ListActiveAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "enabled AND NOT EXISTS (SELECT 1 FROM sigma_logsources l WHERE l.product = sigma_rules.product AND l.service = sigma_rules.service AND l.category = sigma_rules.category AND NOT l.enabled)",
            null,
            cancellationToken);

    public Task<bool> SetEnabledAsync(string id, bool enabled, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var updated = await change.ExecuteAsync(
                "UPDATE sigma_rules SET enabled = @Enabled, revision = @Revision, modified_at = @Now WHERE id = @Id AND enabled <> @Enabled",
                new { Id = id, Enabled = enabled, change.Revision, Now = change.NowStore }).ConfigureAwait(false);
            if (updated > 0)
            {
                change.Audit(enabled ? "sigma-rule.enable" : "sigma-rule.disable", id);
            }

            return updated > 0 || await change.ScalarAsync<long>("SELECT COUNT(*) FROM sigma_rules WHERE id = @Id", new { Id = id }).ConfigureAwait(false) > 0;
        }, cancellationToken);

    public Task SetLogSourceEnabledAsync(string? product, string? service, string? category, bool enabled, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var updated = await change.ExecuteAsync(
                """
                INSERT INTO sigma_logsources (product, service, category, enabled, revision) VALUES (@Product, @Service, @Category, @Enabled, @Revision)
                ON CONFLICT (product, service, category) DO UPDATE SET enabled = excluded.enabled, revision = excluded.revision
                WHERE sigma_logsources.enabled <> excluded.enabled
                """,
                new { Product = product ?? "", Service = service ?? "", Category = category ?? "", Enabled = enabled, change.Revision }).ConfigureAwait(false);
            if (updated > 0)
            {
                change.Audit(enabled ? "sigma-logsource.enable" : "sigma-logsource.disable", $"{product}/{service}/{category}");
            }

            return updated;
        }, cancellationToken);

    public async Task<IReadOnlyList<SigmaLogSourceSetting>> ListLogSourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SigmaLogSourceRow>(new CommandDefinition(LogSources, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSetting())];
    }

    public Task<bool> DeleteAsync(string id, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var deleted = await change.ExecuteAsync("DELETE FROM sigma_rules WHERE id = @Id", new { Id = id }).ConfigureAwait(false);
            if (deleted > 0)
            {
                change.Audit("sigma-rule.delete", id);
            }

            return deleted > 0;
        }, cancellationToken);

    private async Task<IReadOnlyList<StoredSigmaRule>> QueryAsync(string where, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SigmaRuleRow>(new CommandDefinition(
            $"SELECT {SigmaRuleRow.Columns} FROM sigma_rules WHERE {where} ORDER BY title, id", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRule())];
    }
}
