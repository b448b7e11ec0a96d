using System.CommandLine;
using Rampart.Cases.Rpz;
using Rampart.Cli;
using Rampart.Core.Auditing;

namespace Rampart.Cases;

/// <summary><c>rampart rpz export|serve</c>: a response-policy zone for any resolver, from seized cases or a chosen indicator set.</summary>
public static class RpzVerbs
{
    public static Command Create()
    {
        var command = new Command("rpz", "Response-policy zones (RPZ) so any resolver blocks what the cases seized");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(RpzServeVerb.Create());
        return command;
    }

    private static Command Export()
    {
        var zone = new RpzZoneArguments();
        var output = new Option<string?>("--output", "-o") { Description = "Write the zone file here instead of stdout" };
        var command = new Command("export", """
            Write an RPZ zone file (RPZ draft): for each domain a trigger for the name and for *.name, with
            local-data to the sinkhole addresses, or NXDOMAIN (CNAME .) or NODATA (CNAME *.). Only seized or
            sinkholed cases, or an indicator set named explicitly, are ever published; naming a draft, filed,
            granted or released case refuses the export. The SOA serial goes up whenever the content changes.
            An indicator set holds only live indicators marked up to --tlp-max (default green; RED never);
            what was held back or left out as expired or decayed is reported.
            Examples:
              rampart rpz export --sinkhole 192.0.2.53 -o rpz.rampart.zone
              rampart rpz export --case case--… --policy nxdomain
              rampart rpz export --actor THALLIUM --policy nodata
            """)
        { output };
        zone.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = zone.ZoneOptions(parse);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var selection = await zone.SelectionAsync(parse, store, ct);
            RpzExport export;
            try
            {
                export = await store.Get<RpzPublisher>().ExportAsync(selection, options, ChangeContext.ForCli(), ct);
            }
            catch (RpzRefusedException ex)
            {
                throw new CliException($"refused: {ex.Message}");
            }

            var comment = $"RPZ zone {export.Zone.Origin} serial {export.Zone.Serial}, written by Rampart\npolicy {zone.PolicyText(parse)}; {export.Domains} domains"
                + (export.Cases.Count > 0 ? $" from {string.Join(", ", export.Cases)}" : "")
                + (selection.UsesIndicators ? "\n" + export.LeftOut : "");
            await CaseVerbs.WriteAsync(parse.GetValue(output), export.Zone.ToZoneFile(comment), ct);
            foreach (var refused in export.Refused)
            {
                Console.Error.WriteLine($"left out {refused}: too long under {export.Zone.Origin}");
            }

            if (selection.UsesIndicators && (export.Markings.RefusedTotal > 0 || export.Lifecycle.LeftOutTotal > 0))
            {
                Console.Error.WriteLine($"rampart: {export.LeftOut}");
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
