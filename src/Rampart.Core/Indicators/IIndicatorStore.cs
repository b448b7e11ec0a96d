using Rampart.Core.Auditing;

namespace Rampart.Core.Indicators;

/// <summary>Indicators in the store. Every change advances the store revision and is audited.</summary>
public interface IIndicatorStore
{
    /// <summary>
    /// Adds or updates a batch in one transaction: all of it lands or none of it. Re-importing the
    /// same batch changes nothing and does not advance the revision.
    /// </summary>
    Task<ImportResult> ImportAsync(IReadOnlyList<NewIndicator> batch, ChangeContext context, CancellationToken cancellationToken);

    Task<Indicator?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IndicatorPage> ListAsync(IndicatorQuery query, CancellationToken cancellationToken);

    /// <summary>Revokes an indicator; false when no indicator has that id. Revoking twice is not a change.</summary>
    Task<bool> RevokeAsync(string id, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Every indicator that is live at <paramref name="now"/>, for building a matching snapshot.</summary>
    IAsyncEnumerable<Indicator> StreamLiveAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Indicators changed (added, updated, revoked) after <paramref name="revision"/>, for applying deltas.</summary>
    Task<IReadOnlyList<Indicator>> ChangedSinceAsync(long revision, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(bool liveOnly, CancellationToken cancellationToken);
}
