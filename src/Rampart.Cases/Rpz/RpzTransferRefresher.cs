using Rampart.Core.Auditing;
using Rampart.Core.Storage;
using Rampart.Dns.Transfer;

namespace Rampart.Cases.Rpz;

/// <summary>
/// Keeps a transfer listener's zone current: whenever the store revision advances (a case seized,
/// released, a domain added — by any process), the zone is exported again through
/// <see cref="RpzPublisher"/> (so only seized or sinkholed cases, or the chosen indicator set, are
/// ever served) and published; the serial, and so a NOTIFY, changes only when the content did.
/// An indicator set also changes with time alone (an indicator decays or expires), so the zone is
/// exported again once the first such moment the last export saw has passed.
/// </summary>
public sealed class RpzTransferRefresher(RpzPublisher publisher, IStoreRevision revision, RpzSelection selection, RpzZoneOptions zoneOptions, TimeProvider time)
{
    /// <summary>250 ms, as the server's store watcher: a seizure reaches the secondaries within about a second plus their transfer.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly ChangeContext Context = new("rpz-transfer", ChangeChannel.System, null);

    private long _seen = -1;

    private DateTimeOffset? _staleAfter;

    /// <summary>Exports once if the store changed since the last call; returns the zone published, or null when nothing changed.</summary>
    public async Task<TransferZone?> RefreshAsync(ZoneTransferServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var current = await revision.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (current == _seen && (_staleAfter is null || time.GetUtcNow() < _staleAfter))
        {
            return null;
        }

        var export = await publisher.ExportAsync(selection, zoneOptions, Context, cancellationToken).ConfigureAwait(false);
        var zone = RpzWire.ToTransferZone(export.Zone);
        server.Publish(zone);
        _seen = current;
        _staleAfter = export.Lifecycle.NextChange;
        return zone;
    }

    /// <summary>Refreshes until cancelled; a failed refresh (store briefly unreachable) keeps the last zone and tries again.</summary>
    public async Task RunAsync(ZoneTransferServer server, Action<Exception> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(server, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
