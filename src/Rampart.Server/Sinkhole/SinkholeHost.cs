using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rampart.Cases.Sinkhole;
using Rampart.Core.Cases;
using Rampart.Core.Sinkhole;
using Rampart.Core.Storage;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Server.Sinkhole;

/// <summary>
/// The DNS and HTTP sinkhole inside <c>rampart serve</c> (<c>--sinkhole</c>, or section
/// <c>Sinkhole</c> with <c>Enabled</c>): authoritative for every domain of every sinkholed case,
/// following the store as cases change, every hit spooled before its answer and moved into the store
/// by the ingester in this process. A bad setting stops the start with every problem listed; the bound
/// addresses go to <c>&lt;data&gt;/sinkhole.json</c> (port 0 works).
/// </summary>
public sealed class SinkholeHost(
    IOptions<SinkholeSettings> settings,
    ICaseStore cases,
    IStoreRevision revision,
    IRpzSerialStore serials,
    ISinkholeHitStore hits,
    ServeOptions serve,
    TimeProvider time,
    ILoggerFactory logging) : BackgroundService
{
    /// <summary>The file in the data folder that tells scripts where the sinkhole listens, as the standalone node writes it.</summary>
    public const string AddressFileName = "sinkhole.json";

    private SinkholeNode? _node;
    private CaseZoneSource? _zones;

    /// <summary>The running node; null when the sinkhole is off.</summary>
    public SinkholeNode? Node => _node;

    /// <summary>The spool against its limit; null when the sinkhole is off.</summary>
    public SpoolReadinessReport? Readiness() => _node?.Readiness.Check();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = settings.Value;
        if (!configured.Enabled)
        {
            return;
        }

        var options = configured.ToNodeOptions(serve.DataFolder, out var nodeProblems);
        var zoneSettings = configured.ToZoneSettings(out var zoneProblems);
        if (nodeProblems.Count + zoneProblems.Count > 0)
        {
            throw new InvalidOperationException("Sinkhole: " + string.Join("; ", nodeProblems.Concat(zoneProblems)));
        }

        _zones = new CaseZoneSource(cases, revision, serials, zoneSettings, CaseZoneSource.CacheFileIn(serve.DataFolder), time, logging.CreateLogger<CaseZoneSource>());
        await _zones.StartAsync(cancellationToken);
        _node = SinkholeNode.Start(options, _zones, logging, time);
        _node.WriteAddressFile(Path.Combine(serve.DataFolder, AddressFileName), _node.Readiness.Check().Ready);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_node is null || _zones is null)
        {
            return Task.CompletedTask;
        }

        var running = new List<Task> { _zones.RunAsync(stoppingToken), _node.WatchReadinessAsync(Path.Combine(serve.DataFolder, AddressFileName), null, time, stoppingToken) };
        if (settings.Value.Ingest)
        {
            var ingester = new HitIngester(_node.Spool.Directory, _node.Spool.NodeId, hits, logger: logging.CreateLogger<HitIngester>(), time: time);
            running.Add(ingester.RunAsync(stoppingToken));
        }

        return Task.WhenAll(running);
    }
}
