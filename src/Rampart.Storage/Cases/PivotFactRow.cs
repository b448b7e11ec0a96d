using Rampart.Core.Cases;

namespace Rampart.Storage.Cases;

/// <summary>A <c>pivot_facts</c> row as Dapper reads it.</summary>
internal sealed class PivotFactRow
{
    public const string Columns = "domain AS Domain, kind AS Kind, value AS Value, first_seen AS FirstSeen, last_seen AS LastSeen, source AS Source";

    public string Domain { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Value { get; set; } = "";

    public long? FirstSeen { get; set; }

    public long? LastSeen { get; set; }

    public string Source { get; set; } = "";

    public PivotFact ToFact() => new(Domain, CaseNames.ToFactKind(Kind), Value, StoreTime.FromStore(FirstSeen), StoreTime.FromStore(LastSeen), Source);
}
