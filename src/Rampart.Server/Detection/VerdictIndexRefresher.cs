using Microsoft.Extensions.Logging;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using Rampart.Server.Platform;

namespace Rampart.Server.Detection;

/// <summary>
/// Keeps the verdict engine's index current. The first change builds the full index (start-up waits
/// for it). Every later change applies at once as a delta over the current snapshot — one indexed
/// query for what changed since it was built, milliseconds even with 10M indicators — so a change is
/// enforced within the watcher's 250 ms poll plus that query. When the delta grows past
/// <see cref="RebuildAfter"/> changes, a full rebuild runs in the background and swaps in.
/// </summary>
public sealed partial class VerdictIndexRefresher(IndicatorIndexLoader loader, IndexVerdictEngine engine, ILogger<VerdictIndexRefresher> logger)
    : IStoreChangeListener, IDisposable
{
    /// <summary>A delta this large costs more per check (it holds records whole) than a rebuild saves; 5,000 keeps it small.</summary>
    public const int RebuildAfter = 5_000;

    private readonly SemaphoreSlim _swap = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _rebuild = Task.CompletedTask;
    private bool _loaded;
    private int _disposed;

    /// <summary>The background rebuild in progress, or a completed task (tests wait on it).</summary>
    public Task Rebuild => _rebuild;

    public async Task OnStoreChangedAsync(long revision, CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            await SwapInAsync(await loader.LoadAsync(cancellationToken), cancellationToken);
            _loaded = true;
            return;
        }

        await _swap.WaitAsync(cancellationToken);
        try
        {
            var view = await loader.LoadDeltaAsync(engine.View.Snapshot, cancellationToken);
            if (view is not null)
            {
                engine.Replace(view);
            }

            if (view is null || view.Changed.Count > RebuildAfter)
            {
                StartRebuild();
            }
        }
        finally
        {
            _swap.Release();
        }
    }

    private void StartRebuild()
    {
        if (!_rebuild.IsCompleted)
        {
            return;
        }

        var token = _stopping.Token;
        _rebuild = Task.Run(async () =>
        {
            try
            {
                var started = TimeProvider.System.GetTimestamp();
                var snapshot = await loader.LoadAsync(token);
                await SwapInAsync(snapshot, token);
                var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                LogRebuilt(logger, snapshot.Count, snapshot.Revision, seconds);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception ex)
            {
                // The current view keeps serving; the next change tries again.
                LogRebuildFailed(logger, ex);
            }
        }, token);
    }

    /// <summary>Swaps in a fresh snapshot with whatever changed while it was being built.</summary>
    private async Task SwapInAsync(IndicatorIndex snapshot, CancellationToken cancellationToken)
    {
        await _swap.WaitAsync(cancellationToken);
        try
        {
            var view = await loader.LoadDeltaAsync(snapshot, cancellationToken);
            engine.Replace(view ?? IndicatorView.Of(snapshot));
            if (view is null)
            {
                StartRebuild();
            }
        }
        finally
        {
            _swap.Release();
        }
    }

    /// <summary>Idempotent: the container disposes the instance once per registration (itself and as a listener).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _swap.Dispose();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Indicator index rebuilt: {Count} entries at revision {Revision} in {Seconds:F1} s")]
    private static partial void LogRebuilt(ILogger logger, int count, long revision, double seconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rebuilding the indicator index failed; serving the current one with its delta")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
