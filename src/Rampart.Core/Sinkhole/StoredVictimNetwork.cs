namespace Rampart.Core.Sinkhole;

/// <summary>A network as stored: the table it came from (its import name) and the table's kind.</summary>
public sealed record StoredVictimNetwork(string Table, VictimTableKind Kind, VictimNetwork Network);
