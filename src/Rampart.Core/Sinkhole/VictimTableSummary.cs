namespace Rampart.Core.Sinkhole;

/// <summary>An imported network table: its name, kind, how many networks it holds and when it was imported.</summary>
public sealed record VictimTableSummary(string Table, VictimTableKind Kind, long Networks, DateTimeOffset ImportedAt);
