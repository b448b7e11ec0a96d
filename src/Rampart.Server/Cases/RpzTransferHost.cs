using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rampart.Cases.Rpz;
using Rampart.Core.Storage;
using Rampart.Dns.Transfer;

namespace Rampart.Server.Cases;

/// <summary>
/// The RPZ transfer listener inside <c>rampart serve</c> (configuration section <c>Rpz:Transfer</c>,
/// off unless <c>Enabled</c>): every seized or sinkholed case, served by AXFR/IXFR with TSIG, kept
/// current with the store, NOTIFY to the configured secondaries. A bad setting stops the start with
/// every problem listed; the bound address goes to <c>&lt;data&gt;/rpz.json</c> (port 0 works).
/// </summary>
public sealed partial class RpzTransferHost(
    IOptions<RpzTransferSettings> settings,
    RpzPublisher publisher,
    IStoreRevision revision,
    ServeOptions serve,
    TimeProvider time,
    ILogger<RpzTransferHost> logger) : BackgroundService
{
    public const string AddressFileName = "rpz.json";

    private ZoneTransferServer? _server;
    private RpzTransferRefresher? _refresher;

    /// <summary>Where the listener is bound; null when it is off.</summary>
    public System.Net.IPEndPoint? EndPoint => _server?.EndPoint;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = settings.Value;
        if (!configured.Enabled)
        {
            return;
        }

        var options = configured.ToTransferOptions(out var transferProblems);
        var zoneOptions = configured.ToZoneOptions(out var zoneProblems);
        if (transferProblems.Count + zoneProblems.Count > 0)
        {
            throw new InvalidOperationException("Rpz:Transfer: " + string.Join("; ", transferProblems.Concat(zoneProblems)));
        }

        _server = new ZoneTransferServer(options, time, logger);
        _refresher = new RpzTransferRefresher(publisher, revision, RpzSelection.Default, zoneOptions, time);
        await _refresher.RefreshAsync(_server, cancellationToken);
        _server.Start();
        Directory.CreateDirectory(serve.DataFolder);
        var file = Path.Combine(serve.DataFolder, AddressFileName);
        await File.WriteAllTextAsync(file + ".tmp", JsonSerializer.Serialize(new { transfer = _server.EndPoint.ToString(), pid = Environment.ProcessId }), cancellationToken);
        File.Move(file + ".tmp", file, overwrite: true);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _server is null || _refresher is null
            ? Task.CompletedTask
            : _refresher.RunAsync(_server, ex => LogRefreshFailed(logger, ex), stoppingToken);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Refreshing the served RPZ failed; serving the last zone")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
