using Rampart.Core.Indicators;
using Rampart.Core.Markings;

namespace Rampart.Storage.Intel;

/// <summary>An <c>indicators</c> row as Dapper reads it.</summary>
internal sealed class IndicatorRow
{
    public const string Columns = """
        id AS Id, type AS Type, value AS Value, normalized_value AS NormalizedValue, valid_from AS ValidFrom,
        valid_until AS ValidUntil, confidence AS Confidence, source AS Source, actor_id AS ActorId, revoked AS Revoked,
        created_at AS CreatedAt, modified_at AS ModifiedAt, revision AS Revision, tlp AS Tlp, stix_ref AS StixRef,
        last_seen AS LastSeen, false_positives AS FalsePositives
        """;

    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string Value { get; set; } = "";

    public string NormalizedValue { get; set; } = "";

    public long ValidFrom { get; set; }

    public long? ValidUntil { get; set; }

    public int Confidence { get; set; }

    public string Source { get; set; } = "";

    public string? ActorId { get; set; }

    public bool Revoked { get; set; }

    public long CreatedAt { get; set; }

    public long ModifiedAt { get; set; }

    public long Revision { get; set; }

    public string? Tlp { get; set; }

    public string? StixRef { get; set; }

    public long? LastSeen { get; set; }

    public int FalsePositives { get; set; }

    public Indicator ToIndicator() => new(
        Id,
        IndicatorTypes.TryParse(Type, out var type) ? type.Value : throw new InvalidOperationException($"The store holds an unknown indicator type '{Type}'."),
        Value,
        NormalizedValue,
        StoreTime.FromStore(ValidFrom),
        StoreTime.FromStore(ValidUntil),
        Confidence,
        Source,
        ActorId,
        Revoked,
        StoreTime.FromStore(CreatedAt),
        StoreTime.FromStore(ModifiedAt),
        Revision,
        TlpLevels.TryParse(Tlp, out var tlp) ? tlp : null,
        StixRef,
        StoreTime.FromStore(LastSeen),
        FalsePositives);
}
