using Dapper;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Cases;

/// <summary>Imported pivot facts; a fact seen again only widens its period, so re-importing a file changes nothing.</summary>
internal sealed class PivotFactStore(StoreChanges changes) : IPivotFactStore
{
    private const string Upsert = """
        INSERT INTO pivot_facts (domain, kind, value, first_seen, last_seen, source, revision)
        VALUES (@Domain, @Kind, @Value, @FirstSeen, @LastSeen, @Source, @Revision)
        ON CONFLICT (domain, kind, value, source) DO UPDATE SET
            first_seen = CASE WHEN excluded.first_seen IS NOT NULL AND (pivot_facts.first_seen IS NULL OR excluded.first_seen < pivot_facts.first_seen)
                              THEN excluded.first_seen ELSE pivot_facts.first_seen END,
            last_seen = CASE WHEN excluded.last_seen IS NOT NULL AND (pivot_facts.last_seen IS NULL OR excluded.last_seen > pivot_facts.last_seen)
                             THEN excluded.last_seen ELSE pivot_facts.last_seen END,
            revision = excluded.revision
        WHERE (excluded.first_seen IS NOT NULL AND (pivot_facts.first_seen IS NULL OR excluded.first_seen < pivot_facts.first_seen))
           OR (excluded.last_seen IS NOT NULL AND (pivot_facts.last_seen IS NULL OR excluded.last_seen > pivot_facts.last_seen))
        """;

    public Task<int> ImportAsync(IReadOnlyList<PivotFact> facts, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return changes.RunAsync(context, async change =>
        {
            var changed = 0;
            foreach (var fact in facts)
            {
                changed += await change.ExecuteAsync(Upsert, new
                {
                    fact.Domain,
                    Kind = fact.Kind.ToWire(),
                    fact.Value,
                    FirstSeen = StoreTime.ToStore(fact.FirstSeen),
                    LastSeen = StoreTime.ToStore(fact.LastSeen),
                    fact.Source,
                    change.Revision,
                }).ConfigureAwait(false);
            }

            if (changed > 0)
            {
                change.Audit("pivot-facts.import", string.Join(",", facts.Select(f => f.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), $"facts={facts.Count} changed={changed}");
            }

            return changed;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<PivotFact>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PivotFactRow>(new CommandDefinition(
            $"SELECT {PivotFactRow.Columns} FROM pivot_facts ORDER BY domain, kind, value, source", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToFact())];
    }
}
