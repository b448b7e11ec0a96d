using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rampart.Dns.Victims;

namespace Rampart.Server.Victims;

/// <summary>
/// Runs the sinkhole rollup in serve (at start, then every <c>Sinkhole:Retention:Interval</c>): the store
/// keeps raw hits <c>Sinkhole:Retention:Days</c> days (90) whether or not this process runs listeners.
/// </summary>
internal sealed class SinkholeRetentionService(SinkholeRetention retention, IOptions<SinkholeRetentionOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled ? retention.RunAsync(options.Value, stoppingToken) : Task.CompletedTask;
}
