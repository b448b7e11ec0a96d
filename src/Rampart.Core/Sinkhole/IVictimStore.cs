using Rampart.Core.Auditing;

namespace Rampart.Core.Sinkhole;

/// <summary>
/// The network tables hits are attributed with (organizations and, optionally, ASNs) and the per-source
/// activity of a case that victims are computed from.
/// </summary>
public interface IVictimStore
{
    /// <summary>
    /// Replaces the networks of table <paramref name="table"/> with <paramref name="networks"/> in one
    /// transaction (audited as <c>victims.import</c>); returns how many networks the table held before.
    /// </summary>
    Task<long> ImportAsync(string table, VictimTableKind kind, IReadOnlyList<VictimNetwork> networks, string? detail, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Every stored network of every table, oldest import first (a later table wins a tie).</summary>
    Task<IReadOnlyList<StoredVictimNetwork>> ListNetworksAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<VictimTableSummary>> ListTablesAsync(CancellationToken cancellationToken);

    /// <summary>Per source address and name: the case's raw hits and its daily rollups together.</summary>
    Task<IReadOnlyList<SourceActivity>> ActivityAsync(string caseId, CancellationToken cancellationToken);
}
