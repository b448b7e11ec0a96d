using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rampart.Cases.Rpz;
using Rampart.Cli;
using Rampart.Core.Storage;
using Rampart.Dns.Transfer;

namespace Rampart.Cases;

/// <summary><c>rampart rpz serve</c>: the RPZ over AXFR/IXFR with TSIG to any resolver that can be a secondary.</summary>
internal static class RpzServeVerb
{
    /// <summary>The file in the data folder that tells scripts where the listener is (port 0 picks one).</summary>
    public const string AddressFileName = "rpz.json";

    public static Command Create()
    {
        var zone = new RpzZoneArguments();
        var address = new Option<string>("--address") { Description = "Address to listen on (loopback unless told otherwise)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "TCP (AXFR, IXFR, SOA) and UDP (SOA) port; 0 picks a free port (written to <data>/rpz.json)", DefaultValueFactory = _ => ZoneTransferOptions.DefaultPort };
        var keyFile = new Option<string[]>("--key-file") { Description = "TSIG key file as tsig-keygen writes it (key \"name\" { algorithm hmac-sha256; secret \"…\"; };); repeatable" };
        var noTsig = new Option<bool>("--no-tsig") { Description = "Serve unsigned requests too (anyone who can connect gets the list; use --allow)" };
        var allow = new Option<string[]>("--allow") { Description = "Only these networks may ask (CIDR or address); repeatable. Default: any" };
        var notify = new Option<string[]>("--notify") { Description = "A secondary to NOTIFY when the serial changes (address:port); repeatable" };
        var command = new Command("serve", """
            Serve the RPZ zone by zone transfer (AXFR; IXFR answered with the whole zone or, when the
            secondary is current, its SOA) on a listener of its own, default 127.0.0.1:5301. Requests must be
            signed with a TSIG key (hmac-sha256) from --key-file; the zone follows the store: a case seized or
            released anywhere changes the serial within a second, and --notify secondaries are told at once.
            Only seized or sinkholed cases, or an indicator set named explicitly, are served.
            Example:
              tsig-keygen -a hmac-sha256 rampart-xfr > rampart-xfr.key
              rampart rpz serve --sinkhole 192.0.2.53 --key-file rampart-xfr.key --notify 127.0.0.1:53
            """)
        { address, port, keyFile, noTsig, allow, notify };
        zone.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var settings = new RpzTransferSettings { Address = parse.GetValue(address)!, Port = parse.GetValue(port), RequireTsig = !parse.GetValue(noTsig) };
            foreach (var (list, option) in new[] { (settings.KeyFiles, keyFile), (settings.AllowFrom, allow), (settings.Notify, notify) })
            {
                foreach (var value in parse.GetValue(option) ?? [])
                {
                    list.Add(value);
                }
            }

            var options = settings.ToTransferOptions(out var problems);
            if (problems.Count > 0)
            {
                throw new CliException(string.Join("\n", problems));
            }

            var zoneOptions = zone.ZoneOptions(parse);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var selection = await zone.SelectionAsync(parse, store, ct);
            var refresher = new RpzTransferRefresher(store.Get<RpzPublisher>(), store.Get<IStoreRevision>(), selection, zoneOptions, TimeProvider.System);
            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
            var logger = logging.CreateLogger("Rampart.Rpz.Transfer");
            await using var server = new ZoneTransferServer(options, TimeProvider.System, logger);
            TransferZone? first;
            try
            {
                first = await refresher.RefreshAsync(server, ct);
            }
            catch (RpzRefusedException ex)
            {
                throw new CliException($"refused: {ex.Message}");
            }

            server.Start();
            var data = Path.GetFullPath(parse.GetValue(CliOptions.Data)!);
            Directory.CreateDirectory(data);
            var addressFile = Path.Combine(data, AddressFileName);
            await File.WriteAllTextAsync(addressFile + ".tmp", JsonSerializer.Serialize(new { transfer = server.EndPoint.ToString(), pid = Environment.ProcessId }), ct);
            File.Move(addressFile + ".tmp", addressFile, overwrite: true);
            Console.WriteLine($"Rampart RPZ {first?.OriginText} serial {first?.Serial} served by zone transfer on {server.EndPoint}");
            await refresher.RunAsync(server, ex => Console.Error.WriteLine($"rampart: refreshing the zone failed, serving the last one: {ex.Message}"), ct);
            return 0;
        });
        return command;
    }
}
