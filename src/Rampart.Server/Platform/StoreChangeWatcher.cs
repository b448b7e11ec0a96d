using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rampart.Core.Storage;

namespace Rampart.Server.Platform;

/// <summary>
/// Polls the store revision and tells every <see cref="IStoreChangeListener"/> when it advances.
/// Polling one row every 250 ms works the same on SQLite and PostgreSQL and keeps a change made by
/// another process (a CLI import, another node) enforced within one second: ≤ 250 ms to notice plus
/// the listener's rebuild.
/// </summary>
public sealed partial class StoreChangeWatcher(
    IStoreRevision revision,
    IServiceProvider services,
    TimeProvider time,
    ILogger<StoreChangeWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private long _seen = -1;

    /// <summary>The last revision every listener has handled.</summary>
    public long Revision => Interlocked.Read(ref _seen);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            do
            {
                try
                {
                    await PollAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The store may be briefly unreachable (PostgreSQL restart); keep serving the last snapshot.
                    LogPollFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Checks once; also called at start-up so the first snapshot is ready before requests.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var current = await revision.CurrentAsync(cancellationToken);
        if (current == Interlocked.Read(ref _seen))
        {
            return;
        }

        foreach (var listener in services.GetServices<IStoreChangeListener>())
        {
            await listener.OnStoreChangedAsync(current, cancellationToken);
        }

        Interlocked.Exchange(ref _seen, current);
        LogRevision(logger, current);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Store revision {Revision} applied")]
    private static partial void LogRevision(ILogger logger, long revision);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Polling the store revision failed; serving the last snapshot")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
