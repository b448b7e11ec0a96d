using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Victims;
using Rampart.Sinkhole;

namespace Rampart.Victims;

/// <summary>
/// <c>rampart victims import|tables|list</c>: the network tables hits are attributed with, and the
/// organizations a case's sinkhole hits reveal. Every value that came from a client or a table is
/// escaped on the terminal and formula-safe in CSV.
/// </summary>
public static class VictimsVerbs
{
    /// <summary>More problems than this are counted, not listed, so a wrong file does not flood the terminal.</summary>
    private const int ListedProblems = 50;

    public static Command Create()
    {
        var command = new Command("victims", "Who the sinkhole hits come from: organization and ASN tables, victims per case");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Tables());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A CSV table: network,organization[,asn][,country] (header names or this order), or with --asn network,asn[,as name][,country]" };
        var asn = new Option<bool>("--asn") { Description = "An IP→ASN table (used where no organization network matches)" };
        var name = new Option<string?>("--name") { Description = "The table's name; importing the same name again replaces it (default: the file name)" };
        var command = new Command("import", """
            Import a network table in one transaction, replacing an earlier import of the same name.
            Bad rows are skipped and reported as file:line: field: why.
            Examples:
              rampart victims import constituency.csv
              rampart victims import GeoLite2-ASN-Blocks-IPv4.csv --asn --name asn-v4
            """)
        { file, asn, name };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: no such file");
            }

            var kind = parse.GetValue(asn) ? VictimTableKind.Asn : VictimTableKind.Organizations;
            VictimTable table;
            using (var reader = new StreamReader(path))
            {
                table = VictimTableReader.Read(reader, kind);
            }

            foreach (var problem in table.Problems.Take(ListedProblems))
            {
                Console.Error.WriteLine(TerminalText.Printable(problem.Describe(path)));
            }

            if (table.Problems.Count > ListedProblems)
            {
                Console.Error.WriteLine($"… and {table.Problems.Count - ListedProblems} more bad rows");
            }

            if (table.Networks.Count == 0)
            {
                throw new CliException($"{path}: no networks to import; the stored table is left as it was");
            }

            var tableName = parse.GetValue(name) is { Length: > 0 } given ? given : Path.GetFileName(path);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var skipped = table.Problems.Count == 0 ? null : $"{table.Problems.Count} bad rows skipped";
            var replaced = await store.Get<IVictimStore>().ImportAsync(tableName, kind, table.Networks, skipped, ChangeContext.ForCli(), ct);
            Console.WriteLine($"{tableName}: {table.Networks.Count} networks imported (replacing {replaced}), {table.Problems.Count} bad rows skipped");
            return 0;
        });
        return command;
    }

    private static Command Tables()
    {
        var command = new Command("tables", "List the imported network tables");
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            foreach (var table in await store.Get<IVictimStore>().ListTablesAsync(ct))
            {
                Console.WriteLine(TerminalText.Printable($"{table.Table}  {(table.Kind == VictimTableKind.Asn ? "asn" : "organizations")}  {table.Networks} networks  imported {Time(table.ImportedAt)}"));
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var caseId = new Option<string>("--case") { Description = "The case whose hits to attribute", Required = true };
        var format = CliOptions.Format(rows: true);
        var command = new Command("list", """
            Organizations seen at the sinkhole for a case, most hits first: first and last seen, hits, source
            addresses and the names they reached (raw hits and daily rollups alike). CSV is one row per
            organization, source and name with Shadowserver's column names, formula-safe.
            Examples:
              rampart victims list --case case--1234
              rampart victims list --case case--1234 --format csv > victims.csv
            """)
        { caseId, format };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(caseId)!;
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var victims = store.Get<IVictimStore>();
            var activity = await victims.ActivityAsync(id, ct);
            if (activity.Count == 0 && await store.Get<ICaseStore>().GetAsync(id, ct) is null)
            {
                throw new CliException($"no case {id} and no hits for it");
            }

            var report = VictimReport.Build(activity, VictimAttributor.Build(await victims.ListNetworksAsync(ct)));
            Write(parse.GetValue(format), id, report);
            return 0;
        });
        return command;
    }

    private static void Write(OutputFormat format, string caseId, IReadOnlyList<VictimOrganization> report)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Console.WriteLine(JsonSerializer.Serialize(report, Json.Indented));
                break;
            case OutputFormat.Jsonl:
                foreach (var organization in report)
                {
                    Console.WriteLine(JsonSerializer.Serialize(organization, Json.Options));
                }

                break;
            case OutputFormat.Csv:
                Console.Out.Write(VictimCsv.Header + "\r\n");
                foreach (var line in VictimCsv.Lines(caseId, report))
                {
                    Console.Out.Write(line);
                }

                break;
            default:
                foreach (var organization in report)
                {
                    var asn = organization.Asn is { } number && organization.Organization?.StartsWith($"AS{number.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal) != true
                        ? $" AS{number.ToString(CultureInfo.InvariantCulture)}" : "";
                    Console.WriteLine(TerminalText.Printable(
                        $"{organization.Organization ?? "(unattributed)"}{asn}{(organization.Country is { } c ? " " + c : "")}  {organization.Hits} hits  {Time(organization.FirstSeen)} – {Time(organization.LastSeen)}  {organization.Sources.Count} sources"));
                    foreach (var source in organization.Sources)
                    {
                        Console.WriteLine(TerminalText.Printable(
                            $"  {source.SourceIp}  {source.Hits} hits  {Time(source.FirstSeen)} – {Time(source.LastSeen)}  {string.Join(", ", source.Domains.Select(d => d.Name))}"));
                    }
                }

                Console.Error.WriteLine($"{report.Count} organizations, {report.Sum(o => o.Sources.Count)} sources, {report.Sum(o => o.Hits)} hits");
                break;
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
