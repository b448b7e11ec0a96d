using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rampart.Core.Auditing;
using Rampart.Intel.Stix;
using Rampart.Taxii.Client;

namespace Rampart.Server.Taxii;

/// <summary>
/// Runs the configured pulls: each at start, then every <see cref="TaxiiScheduledPull.Interval"/>.
/// A failed pull is logged and recorded (the puller stores its error) and tried again at its next
/// turn; it never stops the others. Every node sharing a store runs the schedule; pulling the same
/// page twice imports nothing twice, so that costs requests, not correctness.
/// </summary>
public sealed partial class TaxiiPullScheduler(IOptions<TaxiiOptions> options, TaxiiPuller puller, TimeProvider time, ILogger<TaxiiPullScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pulls = options.Value.Pulls.Where(p => p.ApiRoot.Length > 0 && p.Collection.Length > 0).ToList();
        if (pulls.Count == 0)
        {
            return;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var due = pulls.Select(_ => time.GetUtcNow()).ToArray();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                for (var i = 0; i < pulls.Count; i++)
                {
                    if (due[i] <= time.GetUtcNow())
                    {
                        await RunAsync(http, pulls[i], stoppingToken);
                        due[i] = time.GetUtcNow() + pulls[i].Interval;
                    }
                }

                var wait = due.Min() - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, or disposed without a stop: a wait or a pull in flight ends, nothing failed.
            // Without this the host reads the cancellation as a crash and stops everything else.
        }
    }

    private async Task RunAsync(HttpClient http, TaxiiScheduledPull pull, CancellationToken stoppingToken)
    {
        try
        {
            var result = await puller.PullAsync(
                http, new Uri(pull.ApiRoot), pull.Collection, new TaxiiCredentials(pull.User, pull.Password), TaxiiRetryPolicy.Default, pull.Limit, full: false,
                new ChangeContext("taxii-pull", ChangeChannel.System, null), stoppingToken);
            PullCompleted(logger, result.Source, result.Fetched, result.Added);
        }
        catch (Exception ex) when (ex is TaxiiClientException or StixFormatException or HttpRequestException or UriFormatException)
        {
            PullFailed(logger, pull.ApiRoot, pull.Collection, ex.Message);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // HttpClient's own timeout: a failed pull like any other, tried again at its next turn.
            PullFailed(logger, pull.ApiRoot, pull.Collection, "timed out");
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "TAXII pull of {Source}: {Fetched} objects fetched, {Added} new versions")]
    private static partial void PullCompleted(ILogger logger, string source, long fetched, long added);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "TAXII pull of collection {Collection} at {ApiRoot} failed: {Reason}")]
    private static partial void PullFailed(ILogger logger, string apiRoot, string collection, string reason);
}
