using Microsoft.Extensions.Logging;
using Rampart.Core.Auditing;
using Rampart.Core.Sinkhole;

namespace Rampart.Dns.Victims;

/// <summary>
/// The rollup job: raw hits older than <see cref="SinkholeRetentionOptions.Days"/> whole days become
/// daily counts per case, name, source address and organization (attributed with the tables as they
/// are now), one day per transaction, oldest first. Idempotent: a second run finds nothing to do.
/// </summary>
public sealed class SinkholeRetention(ISinkholeRetentionStore store, IVictimStore victims, TimeProvider time, ILogger logger)
{
    /// <summary>The first instant whose hits are kept raw: UTC midnight <paramref name="days"/> days before <paramref name="now"/>.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int days) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-Math.Max(0, days));

    /// <summary>Rolls up every day past retention; returns the days rolled up.</summary>
    public async Task<IReadOnlyList<RollupResult>> RunOnceAsync(int days, ChangeContext context, CancellationToken cancellationToken)
    {
        var cutoff = Cutoff(time.GetUtcNow(), days);
        var results = new List<RollupResult>();
        VictimAttributor? attributor = null;
        while (true)
        {
            attributor ??= VictimAttributor.Build(await victims.ListNetworksAsync(cancellationToken).ConfigureAwait(false));
            var attribute = attributor;
            var result = await store.RollUpOldestDayAsync(cutoff, ip => attribute.Attribute(ip).Organization, context, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return results;
            }

            Log.RolledUp(logger, result.Day, result.Hits, result.Rows);
            results.Add(result);
        }
    }

    /// <summary>Runs <see cref="RunOnceAsync"/> at once and then every interval until cancelled; a failed run is logged and retried next interval.</summary>
    public async Task RunAsync(SinkholeRetentionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var timer = new PeriodicTimer(options.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(options.Days, ChangeContext.System, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RollupFailed(logger, ex.Message, options.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
