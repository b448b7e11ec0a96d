namespace Rampart.Core.Sinkhole;

/// <summary>Where sinkhole hits end up. Adding is idempotent by <see cref="SinkholeHit.HitId"/>.</summary>
public interface ISinkholeHitStore
{
    /// <summary>Adds the hits not yet stored, in one transaction; returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyList<SinkholeHit> hits, CancellationToken cancellationToken);

    Task<IReadOnlyList<SinkholeHit>> ListAsync(SinkholeHitQuery query, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
