using Rampart.Core.Relationships;

namespace Rampart.Storage.Intel;

/// <summary>A <c>sightings</c> row as Dapper reads it.</summary>
internal sealed class SightingRow
{
    public const string Columns = "id AS Id, sighting_of_ref AS SightingOfRef, first_seen AS FirstSeen, last_seen AS LastSeen, count AS Count, where_sighted AS WhereSighted, source AS Source, false_positive AS FalsePositive";

    public string Id { get; set; } = "";

    public string SightingOfRef { get; set; } = "";

    public long FirstSeen { get; set; }

    public long LastSeen { get; set; }

    public int Count { get; set; }

    public string? WhereSighted { get; set; }

    public string Source { get; set; } = "";

    public bool FalsePositive { get; set; }

    public Sighting ToSighting() => new(Id, SightingOfRef, StoreTime.FromStore(FirstSeen), StoreTime.FromStore(LastSeen), Count, WhereSighted, Source, FalsePositive);
}
