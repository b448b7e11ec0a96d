using Rampart.Core;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// Writes a sighting and its effect on the indicator in one transaction. Only these statements touch
/// <c>last_seen</c> and <c>false_positives</c>; imports leave them alone, so a re-imported feed does
/// not undo what sightings taught.
/// </summary>
internal sealed class IndicatorSightingStore(StoreChanges changes) : IIndicatorSightings
{
    private const string Seen = """
        UPDATE indicators
        SET last_seen = CASE WHEN last_seen IS NULL OR last_seen < @SeenAt THEN @SeenAt ELSE last_seen END,
            modified_at = @Now, revision = @Revision
        WHERE id = @Id
        RETURNING id
        """;

    private const string FalsePositive = """
        UPDATE indicators SET false_positives = false_positives + 1, modified_at = @Now, revision = @Revision
        WHERE id = @Id
        RETURNING id
        """;

    private const string InsertSighting = """
        INSERT INTO sightings (id, sighting_of_ref, first_seen, last_seen, count, where_sighted, source, created_at, revision, false_positive)
        VALUES (@SightingId, @Id, @SeenAt, @SeenAt, 1, NULL, @Source, @Now, @Revision, @FalsePositive)
        """;

    public Task<Indicator?> RecordAsync(string indicatorId, DateTimeOffset seenAt, bool falsePositive, string source, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var parameters = new
            {
                Id = indicatorId,
                SightingId = RampartId.New("sighting"),
                SeenAt = StoreTime.ToStore(seenAt),
                Source = source,
                FalsePositive = falsePositive,
                Now = change.NowStore,
                change.Revision,
            };
            if (await change.QuerySingleOrDefaultAsync<string>(falsePositive ? FalsePositive : Seen, parameters).ConfigureAwait(false) is null)
            {
                return null;
            }

            await change.ExecuteAsync(InsertSighting, parameters).ConfigureAwait(false);
            change.Audit(falsePositive ? "indicator.false-positive" : "indicator.sighting", indicatorId, $"at={StoreTime.ToStore(seenAt)} source={source}");
            var row = await change.QuerySingleOrDefaultAsync<IndicatorRow>($"SELECT {IndicatorRow.Columns} FROM indicators WHERE id = @Id", parameters).ConfigureAwait(false);
            return row?.ToIndicator();
        }, cancellationToken);
}
