using Rampart.Core.Sinkhole;

namespace Rampart.Dns.Tests.Spool;

/// <summary>A store in memory, idempotent by hit id like the real ones, that can be made to fail.</summary>
internal sealed class MemoryHitStore : ISinkholeHitStore
{
    private readonly Dictionary<string, SinkholeHit> _hits = [];

    public bool Down { get; set; }

    public int Calls { get; private set; }

    public IReadOnlyCollection<SinkholeHit> Hits => _hits.Values;

    public Task<int> AddAsync(IReadOnlyList<SinkholeHit> hits, CancellationToken cancellationToken)
    {
        Calls++;
        if (Down)
        {
            throw new IOException("store unreachable");
        }

        return Task.FromResult(hits.Count(h => _hits.TryAdd(h.HitId, h)));
    }

    public Task<IReadOnlyList<SinkholeHit>> ListAsync(SinkholeHitQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SinkholeHit>>([.. _hits.Values.OrderBy(h => h.Sequence)]);

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)_hits.Count);
}
