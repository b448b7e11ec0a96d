using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using Rampart.Server.Platform;

namespace Rampart.Server.Detection;

/// <summary>Rebuilds the verdict engine's snapshot off the request path whenever the store changes.</summary>
public sealed class VerdictSnapshotRefresher(IndicatorSnapshotLoader loader, SnapshotVerdictEngine engine) : IStoreChangeListener
{
    public async Task OnStoreChangedAsync(long revision, CancellationToken cancellationToken) =>
        engine.Replace(await loader.LoadAsync(cancellationToken));
}
