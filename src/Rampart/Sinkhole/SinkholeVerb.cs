using System.CommandLine;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rampart.Cli;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Http;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Sinkhole;

/// <summary><c>rampart sinkhole</c>: a sinkhole-only node serving the zones of a JSON file.</summary>
public static class SinkholeVerb
{
    /// <summary>The file in the data folder that tells scripts where the sinkhole listens.</summary>
    public const string AddressFileName = "sinkhole.json";

    public static Command Create()
    {
        var zones = new Option<string>("--zones")
        {
            Description = "Zone set (JSON: apexes, case ids, sinkhole addresses); re-read when it changes",
            Required = true,
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
        var httpPage = new Option<string?>("--http-page")
        {
            Description = "HTML file answered with 200 (default: a short notice that the domain was taken down)",
        };
        var command = new Command("sinkhole", """
            Run a sinkhole node: DNS authoritative for every domain in the zone set and all names below,
            and with --http an HTTP listener answering every request with a fixed page. Every query and
            request is written to the hit log (<data>/sinkhole/spool) before it is answered; an ingester
            moves the hits into the store (--data or --database), which may be down without slowing answers.
            Example: rampart sinkhole --zones zones.json --port 5300 --http 127.0.0.1:8081
            """)
        { zones, address, port, udpLoops, fsync, nodeId, noIngest, http, httpStatus, httpPage };
        command.Subcommands.Add(SinkholeHitsVerb.Create());
        command.Subcommands.Add(SinkholeRetentionVerbs.Rollup());
        command.Subcommands.Add(SinkholeRetentionVerbs.Purge());
        command.SetAction(async (parse, ct) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(address), out var listen))
            {
                throw new CliException($"--address: '{parse.GetValue(address)}' is not an IP address");
            }

            var zonesPath = parse.GetValue(zones)!;
            if (!File.Exists(zonesPath))
            {
                throw new CliException($"--zones: {zonesPath}: no such file");
            }

            IPEndPoint? httpEndPoint = null;
            if (parse.GetValue(http) is { } httpText && !IPEndPoint.TryParse(httpText, out httpEndPoint))
            {
                throw new CliException($"--http: '{httpText}' is not ADDRESS:PORT");
            }

            var response = new HttpSinkholeResponse { Status = parse.GetValue(httpStatus) };
            if (parse.GetValue(httpPage) is { } pagePath)
            {
                response = response with { Page = File.Exists(pagePath) ? await File.ReadAllTextAsync(pagePath, ct) : throw new CliException($"--http-page: {pagePath}: no such file") };
            }

            var data = Path.GetFullPath(parse.GetValue(CliOptions.Data)!);
            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
            using var source = new JsonFileZoneSource(zonesPath, TimeSpan.FromSeconds(1), logging.CreateLogger("Rampart.Sinkhole.Zones"));
            using var spool = HitSpool.Open(
                new SpoolOptions
                {
                    Directory = Path.Combine(data, "sinkhole", "spool"),
                    NodeId = parse.GetValue(nodeId),
                    FsyncInterval = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(fsync))),
                },
                logging.CreateLogger("Rampart.Sinkhole.Spool"));
            await using var server = new DnsSinkholeServer(
                new SinkholeServerOptions { Address = listen, Port = parse.GetValue(port), UdpLoops = Math.Max(1, parse.GetValue(udpLoops)) },
                source,
                spool,
                logging.CreateLogger("Rampart.Sinkhole.Dns"));
            server.Start();
            await using var httpServer = httpEndPoint is null ? null : new HttpSinkholeServer(
                new HttpSinkholeOptions { Address = httpEndPoint.Address, Port = httpEndPoint.Port, Loops = Math.Max(1, parse.GetValue(udpLoops)), Response = response },
                source,
                spool,
                logging.CreateLogger("Rampart.Sinkhole.Http"));
            httpServer?.Start();
            Directory.CreateDirectory(data);
            var addressFile = Path.Combine(data, AddressFileName);
            await File.WriteAllTextAsync(addressFile + ".tmp", JsonSerializer.Serialize(new { dns = server.UdpEndPoint.ToString(), http = httpServer?.EndPoint.ToString(), pid = Environment.ProcessId, node = spool.NodeId }), ct);
            File.Move(addressFile + ".tmp", addressFile, overwrite: true);
            Console.WriteLine($"Rampart sinkhole DNS listening on {server.UdpEndPoint} (UDP and TCP){(httpServer is null ? "" : $", HTTP on {httpServer.EndPoint}")}, node {spool.NodeId}, {source.Current.Count} zones");
            var ingesting = parse.GetValue(noIngest)
                ? Task.CompletedTask
                : IngestAsync(parse, spool, logging.CreateLogger("Rampart.Sinkhole.Ingester"), ct);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            try
            {
                await ingesting;
            }
            catch (OperationCanceledException)
            {
            }

            Console.WriteLine($"Answered {server.Answered} queries{(httpServer is null ? "" : $" and {httpServer.Answered} HTTP requests")}");
            return 0;
        });
        return command;
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
