using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Misp;

namespace Rampart.Intel;

/// <summary><c>rampart intel misp import|export</c>: MISP feeds (manifest.json, hashes.csv, one file per event) in and out of the store.</summary>
public static partial class IntelVerbs
{
    private static Command Misp()
    {
        var command = new Command("misp", "MISP feeds in and out: manifest.json, hashes.csv and one <uuid>.json per event");
        command.Subcommands.Add(MispImport());
        command.Subcommands.Add(MispExport());
        return command;
    }

    private static Command MispImport()
    {
        var path = new Argument<string>("path") { Description = "A MISP feed folder, its manifest.json, or one MISP event JSON file" };
        var source = new Option<string?>("--source") { Description = "Source name recorded with each indicator (default: misp:<folder or file name>)" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("import", """
            Import a MISP feed (or one event file) as one transaction. Attributes with to_ids of a mapped type
            (domain, hostname, url, ip-src/ip-dst, ip-dst|port, email-src, md5/sha1/sha256, filename|hash …)
            become indicators; deleted ones and to_ids false are counted, not imported. tlp:* tags mark them,
            a misp-galaxy:threat-actor tag names the actor. A bad attribute or event is reported with its
            file, line and field and skipped; a value on a warninglist is reported and not indexed.
            Re-importing the same feed changes nothing.
            Example: rampart intel misp import ./circl-feed --source misp:circl
            """)
        { path, source, format };
        command.SetAction(async (parse, ct) =>
        {
            if (ApiClient.FromOptions(parse) is { } api)
            {
                api.Dispose();
                throw new CliException("MISP feeds are imported on the store itself: run without --server (or POST the events to /api/v1/misp/events)");
            }

            var given = Path.GetFullPath(parse.GetValue(path)!);
            var feed = string.Equals(Path.GetFileName(given), MispFeed.ManifestFile, StringComparison.Ordinal) ? Path.GetDirectoryName(given)! : given;
            if (!Directory.Exists(feed) && !File.Exists(feed))
            {
                throw new CliException($"{parse.GetValue(path)}: no such folder or file");
            }

            var problems = new List<MispProblem>();
            var events = MispFeed.Read(feed, problems);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var name = parse.GetValue(source) ?? "misp:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(feed));
            var report = await store.Get<MispImporter>().ImportAsync(events, name, problems, ChangeContext.ForCli(), ct);
            foreach (var problem in report.Problems)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(report.Summary(feed), Json.Indented));
            }
            else
            {
                var result = report.Result;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{feed}: {report.Events} events, {report.Attributes} attributes: {report.Indicators} indicators "
                    + $"({result?.Added ?? 0} added, {result?.Updated ?? 0} updated, {result?.Unchanged ?? 0} unchanged); "
                    + $"{report.NotIds} not for detection, {report.Deleted} deleted, {report.Unmapped} of types not enforced, {report.Warned} on a warninglist, "
                    + $"{report.Problems.Count(p => p.Skipped)} skipped"));
            }

            return 0;
        });
        return command;
    }

    private static Command MispExport()
    {
        var folder = new Argument<string>("folder") { Description = "The feed folder to write (created if missing; its event files are replaced)" };
        var type = new Option<string?>("--type") { Description = $"Only this type: {string.Join('|', IndicatorTypes.WireNames)}" };
        var actor = new Option<string?>("--actor") { Description = "Only this actor's indicators (any alias)" };
        var tlpMax = new Option<string>("--tlp-max")
        {
            Description = "Most restricted TLP level that may go into the feed: clear|green|amber|amber+strict (RED never leaves)",
            DefaultValueFactory = _ => TlpLevels.DefaultExportMaximum.ToWire(),
        };
        var command = new Command("export", """
            Write the indicators that are not revoked as a MISP feed a MISP instance can add (feed type "MISP Feed"):
            one event per actor (and one for indicators without an actor), manifest.json and hashes.csv.
            Event uuids are derived from the actor, so a re-export updates the same events. Nothing marked above
            --tlp-max (default green) goes into the feed, TLP:RED never does; what was held back is reported.
            Only live indicators go in (attributes carry to_ids): expired, decayed and not-yet-valid ones are counted.
            Example: rampart intel misp export ./feed --actor THALLIUM --tlp-max amber
            """)
        { folder, type, actor, tlpMax };
        command.SetAction(async (parse, ct) =>
        {
            var onlyType = ParseType(parse.GetValue(type));
            var maximum = ParseMaximum(parse.GetValue(tlpMax));

            if (ApiClient.FromOptions(parse) is { } api)
            {
                api.Dispose();
                throw new CliException("MISP feeds are exported from the store itself: run without --server (or point MISP at /api/v1/misp/feed/)");
            }

            await using var store = await LocalStore.OpenAsync(parse, ct);
            var actors = store.Get<IActorStore>();
            var actorId = await ResolveActorAsync(actors, parse.GetValue(actor), ct);
            var names = (await actors.ListAsync(null, ct)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            var gate = new MarkingGate(maximum);
            var live = new LifecycleGate(store.Get<IndicatorLifecycle>(), store.Get<TimeProvider>().GetUtcNow());
            var output = parse.GetValue(folder)!;
            int written;
            try
            {
                written = await MispFeedWriter.WriteAsync(
                    output, PagesFromStoreAsync(store.Get<IIndicatorStore>(), onlyType, actorId, ct), gate, live, id => names.GetValueOrDefault(id), ct);
            }
            catch (IOException ex)
            {
                throw new CliException($"{output}: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new CliException($"{output}: {ex.Message}");
            }

            Console.Error.WriteLine($"rampart: {written} indicators exported as a MISP feed to {output}");
            ReportWithheld(gate);
            ReportNotLive(live);
            return 0;
        });
        return command;
    }
}
