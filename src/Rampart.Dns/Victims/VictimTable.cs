using Rampart.Core.Sinkhole;

namespace Rampart.Dns.Victims;

/// <summary>A network table as read: the good rows (one per network) and each skipped row's problem.</summary>
public sealed record VictimTable(VictimTableKind Kind, IReadOnlyList<VictimNetwork> Networks, IReadOnlyList<VictimTableProblem> Problems);
