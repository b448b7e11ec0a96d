using System.CommandLine;
using System.Net;
using Rampart.Cases.Rpz;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;

namespace Rampart.Cases;

/// <summary><c>rampart rpz export</c>: a response-policy zone for any resolver, from seized cases or a chosen indicator set.</summary>
public static class RpzVerbs
{
    public static Command Create()
    {
        var command = new Command("rpz", "Response-policy zones (RPZ) so any resolver blocks what the cases seized");
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Export()
    {
        var cases = new Option<string[]>("--case") { Description = "Publish this case (must be seized or sinkholed); repeatable. Default: every seized or sinkholed case" };
        var actor = new Option<string?>("--actor") { Description = "Publish the live domain indicators of this actor (any alias)" };
        var source = new Option<string?>("--source") { Description = "Publish the live domain indicators of this source" };
        var policy = new Option<string>("--policy") { Description = "local-data (answer the sinkhole addresses), nxdomain or nodata", DefaultValueFactory = _ => "local-data" };
        policy.AcceptOnlyFromAmong("local-data", "nxdomain", "nodata");
        var sinkhole = new Option<string[]>("--sinkhole") { Description = "A sinkhole address for local-data (IPv4 or IPv6); repeatable (env RAMPART_SINKHOLE_ADDRESSES, comma-separated)" };
        var origin = new Option<string>("--origin") { Description = "The zone's name", DefaultValueFactory = _ => "rpz.rampart" };
        var ttl = new Option<int>("--ttl") { Description = "TTL of every record, seconds", DefaultValueFactory = _ => 300 };
        var output = new Option<string?>("--output", "-o") { Description = "Write the zone file here instead of stdout" };
        var command = new Command("export", """
            Write an RPZ zone file (RPZ draft): for each domain a trigger for the name and for *.name, with
            local-data to the sinkhole addresses, or NXDOMAIN (CNAME .) or NODATA (CNAME *.). Only seized or
            sinkholed cases, or an indicator set named explicitly, are ever published; naming a draft, filed,
            granted or released case refuses the export. The SOA serial goes up whenever the content changes.
            Examples:
              rampart rpz export --sinkhole 192.0.2.53 -o rpz.rampart.zone
              rampart rpz export --case case--… --policy nxdomain
              rampart rpz export --actor THALLIUM --policy nodata
            """)
        { cases, actor, source, policy, sinkhole, origin, ttl, output };
        command.SetAction(async (parse, ct) =>
        {
            var addresses = new List<IPAddress>();
            var sinkholeTexts = (parse.GetValue(sinkhole) ?? []).Concat(
                (Environment.GetEnvironmentVariable("RAMPART_SINKHOLE_ADDRESSES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            foreach (var text in sinkholeTexts)
            {
                addresses.Add(IPAddress.TryParse(text, out var address) ? address : throw new CliException($"--sinkhole: '{text}' is not an IP address"));
            }

            var chosenPolicy = parse.GetValue(policy) switch
            {
                "nxdomain" => RpzPolicy.Nxdomain,
                "nodata" => RpzPolicy.Nodata,
                _ => RpzPolicy.LocalData,
            };
            if (chosenPolicy == RpzPolicy.LocalData && addresses.Count == 0)
            {
                throw new CliException("local-data needs the sinkhole's addresses: pass --sinkhole IP (or set RAMPART_SINKHOLE_ADDRESSES), or choose --policy nxdomain|nodata");
            }

            await using var store = await LocalStore.OpenAsync(parse, ct);
            string? actorId = null;
            if (parse.GetValue(actor) is { } actorName)
            {
                var found = await store.Get<IActorStore>().FindByNameAsync(actorName, ct);
                actorId = found.Count == 1 ? found[0].Id : throw new CliException(found.Count == 0 ? $"no actor is named '{actorName}'" : $"'{actorName}' names {found.Count} actors");
            }

            var named = parse.GetValue(cases) ?? [];
            var indicators = actorId is not null || parse.GetValue(source) is not null;
            var selection = new RpzSelection(named, AllPublishableCases: named.Length == 0 && !indicators, actorId, parse.GetValue(source));
            var options = new RpzZoneOptions { Origin = parse.GetValue(origin)!, Policy = chosenPolicy, SinkholeAddresses = addresses, Ttl = parse.GetValue(ttl) };
            RpzExport export;
            try
            {
                export = await store.Get<RpzPublisher>().ExportAsync(selection, options, ChangeContext.ForCli(), ct);
            }
            catch (RpzRefusedException ex)
            {
                throw new CliException($"refused: {ex.Message}");
            }

            var comment = $"RPZ zone {export.Zone.Origin} serial {export.Zone.Serial}, written by Rampart\npolicy {parse.GetValue(policy)}; {export.Domains} domains"
                + (export.Cases.Count > 0 ? $" from {string.Join(", ", export.Cases)}" : "");
            await CaseVerbs.WriteAsync(parse.GetValue(output), export.Zone.ToZoneFile(comment), ct);
            foreach (var refused in export.Refused)
            {
                Console.Error.WriteLine($"left out {refused}: too long under {export.Zone.Origin}");
            }

            if (parse.GetValue(output) is not null)
            {
                Console.Error.WriteLine($"{export.Zone.Origin} serial {export.Zone.Serial}: {export.Domains} domains");
            }

            return 0;
        });
        return command;
    }
}
