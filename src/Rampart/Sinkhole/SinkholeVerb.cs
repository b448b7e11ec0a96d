using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using Rampart.Cases.Sinkhole;
using Rampart.Cli;
using Rampart.Core.Cases;
using Rampart.Core.Sinkhole;
using Rampart.Core.Storage;
using Rampart.Dns.Http;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Sinkhole;

/// <summary>
/// <c>rampart sinkhole</c>: a sinkhole-only node serving every sinkholed case of the store (or the
/// zones of a JSON file), with the same node, settings and zone source as <c>rampart serve --sinkhole</c>.
/// </summary>
public static class SinkholeVerb
{
    /// <summary>The file in the data folder that tells scripts where the sinkhole listens and whether it is ready.</summary>
    public const string AddressFileName = "sinkhole.json";

    /// <summary>Exit status of a node stopped by <c>--exit-when-not-ready</c> (EX_TEMPFAIL: a supervisor may start it again).</summary>
    public const int NotReadyExitCode = 75;

    public static Command Create()
    {
        var zones = new Option<string?>("--zones")
        {
            Description = "Serve the zones of this JSON file (apexes, case ids, sinkhole addresses; re-read when it changes) instead of the store's sinkholed cases",
        };
        var answer = new Option<string[]>("--answer")
        {
            Description = "Address answered (A/AAAA) for the sinkholed cases' names; repeatable. Default: the --address",
        };
        var address = new Option<string>("--address")
        {
            Description = "Address to listen on (loopback unless told otherwise)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port")
        {
            Description = "DNS port, UDP and TCP; 0 picks a free port (written to <data>/sinkhole.json)",
            DefaultValueFactory = _ => SinkholeServerOptions.DefaultPort,
        };
        var udpLoops = new Option<int>("--udp-loops")
        {
            Description = "Threads receiving UDP (and HTTP event loops with --http)",
            DefaultValueFactory = _ => new SinkholeServerOptions().UdpLoops,
        };
        var fsync = new Option<int>("--fsync-ms")
        {
            Description = "Force the hit log to disk every N ms: the power-loss window (0: before every answer)",
            DefaultValueFactory = _ => 1000,
        };
        var nodeId = new Option<string?>("--node-id")
        {
            Description = "This node's id in hit ids (default: generated once, kept in the spool folder)",
        };
        var noIngest = new Option<bool>("--no-ingest")
        {
            Description = "Only spool hits; leave moving them into the store to another process (benchmarks)",
        };
        var maxPending = new Option<long>("--max-pending-bytes")
        {
            Description = "Spooled bytes not yet in the store past which the node reports itself not ready (log, sinkhole.json)",
            DefaultValueFactory = _ => new SinkholeSettings().MaxPendingBytes,
        };
        var exitWhenNotReady = new Option<bool>("--exit-when-not-ready")
        {
            Description = $"Stop (exit status {NotReadyExitCode}) once not ready, so an anycast route or load balancer moves traffic away while every hit is still written",
        };
        var http = new Option<string?>("--http")
        {
            Description = $"Also run the HTTP sinkhole on ADDRESS:PORT (e.g. 127.0.0.1:{HttpSinkholeOptions.DefaultPort}; port 0 picks a free one)",
        };
        var httpStatus = new Option<int>("--http-status")
        {
            Description = "What the HTTP sinkhole answers for a sinkholed host: 200 (the page), 204, 404 or 410",
            DefaultValueFactory = _ => 200,
        };
        httpStatus.Validators.Add(result =>
        {
            if (!HttpSinkholeResponse.IsAllowed(result.GetValueOrDefault<int>()))
            {
                result.AddError("--http-status: 200, 204, 404 or 410");
            }
        });
        var httpsPort = new Option<int[]>("--https-port")
        {
            Description = "Also answer HTTPS on this port of the --http address (repeatable; 0 picks a free one), recording each client's TLS server name",
        };
        var tlsCert = new Option<string?>("--tls-cert")
        {
            Description = "Certificate for --https-port: a PEM file (key in it or in --tls-key) or a .pfx/.p12 file; its password, if any, in RAMPART_TLS_PASSWORD",
        };
        var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert, when it is a separate file" };
        var httpPage = new Option<string?>("--http-page")
        {
            Description = "HTML file answered with 200 (default: a short notice that the domain was taken down)",
        };
        var command = new Command("sinkhole", """
            Run a sinkhole node: DNS authoritative for every domain of every sinkholed case (or of the --zones
            file) and all names below, and with --http an HTTP listener answering every request with a fixed
            page. Cases sinkholed or released anywhere are answered or REFUSED within a second; the zones are
            cached in <data>/sinkhole/zones-cache.json, so the node starts on them when the store is unreachable.
            Every query and request is written to the hit log (<data>/sinkhole/spool) before it is answered;
            an ingester moves the hits into the store (--data or --database), which may be down without
            slowing answers. Past --max-pending-bytes not yet stored the node reports itself not ready.
            Example: rampart sinkhole --answer 192.0.2.53 --port 5300 --http 127.0.0.1:8081
            """)
        { zones, answer, address, port, udpLoops, fsync, nodeId, noIngest, maxPending, exitWhenNotReady, http, httpStatus, httpPage, httpsPort, tlsCert, tlsKey };
        command.Subcommands.Add(SinkholeHitsVerb.Create());
        command.Subcommands.Add(SinkholeRetentionVerbs.Rollup());
        command.Subcommands.Add(SinkholeRetentionVerbs.Purge());
        command.SetAction(async (parse, ct) =>
        {
            IPEndPoint? httpEndPoint = null;
            if (parse.GetValue(http) is { } httpText && !IPEndPoint.TryParse(httpText, out httpEndPoint))
            {
                throw new CliException($"--http: '{httpText}' is not ADDRESS:PORT");
            }

            var settings = new SinkholeSettings
            {
                Enabled = true,
                Address = parse.GetValue(address)!,
                DnsPort = parse.GetValue(port),
                Http = httpEndPoint is not null,
                HttpPort = httpEndPoint?.Port ?? 0,
                HttpStatus = parse.GetValue(httpStatus),
                HttpPage = parse.GetValue(httpPage),
                Loops = parse.GetValue(udpLoops),
                FsyncMilliseconds = parse.GetValue(fsync),
                NodeId = parse.GetValue(nodeId),
                MaxPendingBytes = parse.GetValue(maxPending),
                Ingest = !parse.GetValue(noIngest),
                TlsCertificate = parse.GetValue(tlsCert),
                TlsKey = parse.GetValue(tlsKey),
                TlsPassword = Environment.GetEnvironmentVariable("RAMPART_TLS_PASSWORD"),
            };
            foreach (var tlsPort in parse.GetValue(httpsPort) ?? [])
            {
                if (httpEndPoint is null)
                {
                    throw new CliException("--https-port: needs --http ADDRESS:PORT (the TLS ports listen on its address)");
                }

                settings.HttpsPorts.Add(tlsPort);
            }

            foreach (var text in parse.GetValue(answer) ?? [])
            {
                settings.Addresses.Add(text);
            }

            var data = Path.GetFullPath(parse.GetValue(CliOptions.Data)!);
            var options = settings.ToNodeOptions(data, out var problems);
            if (httpEndPoint is not null && options.Http is not null)
            {
                // --http names its own address, which may differ from the DNS one.
                options = options with { Http = options.Http with { Address = httpEndPoint.Address } };
            }

            var zonesPath = parse.GetValue(zones);
            var zoneSettings = settings.ToZoneSettings(out var zoneProblems);
            if (zonesPath is null)
            {
                problems = [.. problems, .. zoneProblems];
            }
            else if (!File.Exists(zonesPath))
            {
                problems = [.. problems, $"--zones: {zonesPath}: no such file"];
            }

            if (problems.Count > 0)
            {
                throw new CliException(string.Join("\n", problems.Select(p => p
                    .Replace("Address:", "--address:", StringComparison.Ordinal)
                    .Replace("Addresses:", "--answer:", StringComparison.Ordinal)
                    .Replace("HttpsPorts:", "--https-port:", StringComparison.Ordinal)
                    .Replace("TlsCertificate:", "--tls-cert:", StringComparison.Ordinal)
                    .Replace("TlsKey:", "--tls-key:", StringComparison.Ordinal))));
            }

            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
            var logger = logging.CreateLogger("Rampart.Sinkhole");
            await using var zoneStore = zonesPath is null ? await OpenZoneStoreAsync(parse, logger, ct) : null;
            using var fileSource = zonesPath is null ? null : new JsonFileZoneSource(zonesPath, TimeSpan.FromSeconds(1), logging.CreateLogger("Rampart.Sinkhole.Zones"));
            CaseZoneSource? caseSource = null;
            if (zoneStore is not null)
            {
                caseSource = new CaseZoneSource(
                    zoneStore.Get<ICaseStore>(), zoneStore.Get<IStoreRevision>(), zoneStore.Get<IRpzSerialStore>(), zoneSettings,
                    CaseZoneSource.CacheFileIn(data), TimeProvider.System, logging.CreateLogger("Rampart.Sinkhole.Zones"));
                try
                {
                    await caseSource.StartAsync(ct);
                }
                catch (SinkholeZonesUnavailableException ex)
                {
                    throw new CliException(ex.Message);
                }
            }

            ISinkholeZoneSource source = (ISinkholeZoneSource?)fileSource ?? caseSource!;
            await using var node = SinkholeNode.Start(options, source, logging);
            var addressFile = Path.Combine(data, AddressFileName);
            node.WriteAddressFile(addressFile, node.Readiness.Check().Ready);
            Console.WriteLine($"Rampart sinkhole DNS listening on {node.Dns.UdpEndPoint} (UDP and TCP){(node.Http is null ? "" : $", HTTP on {node.Http.EndPoint}")}{(node.Http is { TlsEndPoints.Count: > 0 } tls ? $", HTTPS on {string.Join(", ", tls.TlsEndPoints)}" : "")}, node {node.Spool.NodeId}, {source.Current.Count} zones{(caseSource is { FromCache: true } ? " (from the cache: the store is unreachable)" : "")}");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var exit = parse.GetValue(exitWhenNotReady);
            var running = new List<Task> { node.WatchReadinessAsync(addressFile, report => { if (exit && !report.Ready) { stop.Cancel(); } }, TimeProvider.System, stop.Token) };
            if (caseSource is not null)
            {
                running.Add(caseSource.RunAsync(stop.Token));
            }

            if (settings.Ingest)
            {
                running.Add(IngestAsync(parse, node.Spool, logging.CreateLogger("Rampart.Sinkhole.Ingester"), stop.Token));
            }

            try
            {
                await Task.WhenAll(running);
            }
            catch (OperationCanceledException)
            {
            }

            var last = node.Readiness.Check();
            Console.WriteLine($"Answered {node.Dns.Answered} queries{(node.Http is null ? "" : $" and {node.Http.Answered} HTTP requests")}; {last.Describe()}");
            return last.Ready || !parse.GetValue(exitWhenNotReady) ? 0 : NotReadyExitCode;
        });
        return command;
    }

    /// <summary>
    /// The store the zones come from, brought up to date; when it cannot be opened, the same services
    /// composed without it, which fail until it answers (the zone source then starts from its cache).
    /// </summary>
    private static async Task<LocalStore> OpenZoneStoreAsync(ParseResult parse, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await LocalStore.OpenAsync(parse, cancellationToken);
        }
        catch (CliException ex)
        {
            Log.ZoneStoreUnavailable(logger, ex.Message);
            return LocalStore.Compose(parse);
        }
    }

    /// <summary>Opens the store (retrying while it is unreachable) and runs the ingester until cancelled.</summary>
    private static async Task IngestAsync(ParseResult parse, HitSpool spool, ILogger logger, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            LocalStore store;
            try
            {
                store = await LocalStore.OpenAsync(parse, cancellationToken);
            }
            catch (CliException ex)
            {
                Log.StoreUnavailable(logger, ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
                continue;
            }

            await using (store)
            {
                var ingester = new HitIngester(spool.Directory, spool.NodeId, store.Get<ISinkholeHitStore>(), logger: logger);
                await ingester.RunAsync(cancellationToken);
            }
        }
    }
}
