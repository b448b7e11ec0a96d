using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Intel.Import;
using Rampart.Intel.Lifecycle;
using Rampart.Intel.Lists;
using Rampart.Intel.Stix;

namespace Rampart.Intel;

/// <summary><c>rampart intel import|export</c>: indicator lists in and out.</summary>
public static partial class IntelVerbs
{
    private sealed record BatchResponse(ImportResult Result, IReadOnlyList<string> Skipped, IReadOnlyList<string>? Warned);

    private sealed record PageResponse(IReadOnlyList<Indicator> Items, string? Next);

    public static Command Create()
    {
        var command = new Command("intel", "Indicators and intel in and out");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Sighting());
        command.Subcommands.Add(Misp());
        command.Subcommands.Add(Taxii.TaxiiVerbs.Pull());
        command.Subcommands.Add(Taxii.TaxiiVerbs.Push());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A TXT list (one indicator a line) or a CSV file with a header; - reads stdin" };
        var actor = new Option<string?>("--actor") { Description = "Attribute every indicator to this actor (any alias)" };
        var source = new Option<string?>("--source") { Description = "Source name recorded with each indicator (default: the file name)" };
        var confidence = new Option<int?>("--confidence") { Description = "0–100 (default 50)" };
        confidence.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0 or > 100)
            {
                result.AddError("--confidence must be between 0 and 100");
            }
        });
        var validUntil = new Option<DateTimeOffset?>("--valid-until") { Description = "Stop enforcing after this time (ISO 8601, e.g. 2027-01-31)" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid lines and report each skipped one, instead of refusing the file" };
        var tlp = new Option<string?>("--tlp") { Description = "Mark every indicator of a list with this TLP level: clear|green|amber|amber+strict|red (STIX objects carry their own)" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("import", """
            Import an indicator list or a STIX 2.1 bundle (detected: a bundle is a JSON object) as one transaction.
            Lists: all of it, or nothing if a line is invalid. Types are detected (domain, URL, IPv4/IPv6, CIDR,
            e-mail, MD5/SHA-1/SHA-256); defanged forms are accepted.
            STIX: every object is kept as it came; a bad object is skipped and reported with its id, the rest imported.
            Re-importing the same file changes nothing.
            Example: rampart intel import thallium.txt --actor THALLIUM --source microsoft-dcu --confidence 90 --tlp amber
            Example: rampart intel import report.stix.json
            """)
        { file, actor, source, confidence, validUntil, skipInvalid, tlp, format };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var name = path == "-" ? "stdin" : path;
            Tlp? marking = null;
            if (parse.GetValue(tlp) is { } tlpText && !TlpLevels.TryParse(tlpText, out marking))
            {
                throw new CliException($"--tlp: unknown level '{tlpText}'; one of clear, green, amber, amber+strict, red");
            }

            var defaults = new ImportDefaults(parse.GetValue(source) ?? Path.GetFileName(name), parse.GetValue(actor), parse.GetValue(confidence), parse.GetValue(validUntil), marking);
            IndicatorListReadResult parsed;
            try
            {
                var (stream, head) = PeekedStream.Peek(path == "-" ? Console.OpenStandardInput() : File.OpenRead(path), 64);
                await using var _ = stream;
                if (IsJsonObject(head.Span))
                {
                    if (marking is not null)
                    {
                        throw new CliException("--tlp applies to lists; STIX objects carry their own markings");
                    }

                    return await ImportStixAsync(parse, stream, name, parse.GetValue(source), parse.GetValue(format), ct);
                }

                parsed = IndicatorListReader.Read(stream, name);
            }
            catch (IOException ex)
            {
                throw new CliException($"{name}: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new CliException($"{name}: {ex.Message}");
            }

            var skip = parse.GetValue(skipInvalid);
            var (result, skipped, warned) = await ImportAsync(parse, name, parsed, defaults, skip, ct);
            foreach (var line in skipped)
            {
                Console.Error.WriteLine($"skipped {line}");
            }

            foreach (var line in warned)
            {
                Console.Error.WriteLine($"warninglist {line}");
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { file = name, result, skipped, warned }, Json.Indented));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged, {skipped.Count} skipped, {warned.Count} on a warninglist (store revision {result.Revision})"));
            }

            return 0;
        });
        return command;
    }

    private static async Task<(ImportResult Result, IReadOnlyList<string> Skipped, IReadOnlyList<string> Warned)> ImportAsync(
        ParseResult parse, string name, IndicatorListReadResult parsed, ImportDefaults defaults, bool skipInvalid, CancellationToken ct)
    {
        using var api = ApiClient.FromOptions(parse);
        if (api is not null)
        {
            // Bad values are reported here with their real line numbers; the server checks actors.
            if (parsed.Errors.Count > 0 && !skipInvalid)
            {
                throw Refused(parsed.Errors.Select(e => e.ToString()).ToArray());
            }

            var items = parsed.Entries.Select(e => new
            {
                value = e.Value.Value,
                type = e.Value.Type.ToWire(),
                actor = e.Actor,
                source = e.Source,
                confidence = e.Confidence,
                valid_until = e.ValidUntil,
            }).ToArray();
            var response = await api.PostAsync<BatchResponse>("api/v1/indicators/batch", new
            {
                items,
                name,
                source = defaults.Source,
                actor = defaults.Actor,
                confidence = defaults.Confidence,
                tlp = defaults.Tlp?.ToWire(),
                valid_until = defaults.ValidUntil,
                skip_invalid = skipInvalid,
            }, ct);
            return (response.Result, [.. parsed.Errors.Select(e => e.ToString()), .. response.Skipped], response.Warned ?? []);
        }

        await using var store = await LocalStore.OpenAsync(parse, ct);
        var outcome = await store.Get<IndicatorImporter>().ImportAsync(name, parsed, defaults, skipInvalid, ChangeContext.ForCli(), ct);
        if (!outcome.Succeeded)
        {
            throw Refused(outcome.Errors.Select(e => e.ToString()).ToArray());
        }

        return (outcome.Result!, outcome.Skipped.Select(e => e.ToString()).ToArray(), outcome.Warned.Select(e => e.ToString()).ToArray());
    }

    /// <summary>Lists the first errors only: a wrong file (a binary, another format) would otherwise print one per line.</summary>
    private static CliException Refused(string[] errors)
    {
        const int Shown = 25;
        var listed = string.Join(Environment.NewLine, errors.Take(Shown));
        var more = errors.Length > Shown ? $"{Environment.NewLine}… and {errors.Length - Shown} more" : "";
        return new($"{listed}{more}{Environment.NewLine}{errors.Length} invalid line(s); nothing was imported (use --skip-invalid to import the rest)");
    }

    private static Command Export()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: txt|csv|json|jsonl (lists), stix (a STIX 2.1 bundle), suricata|zeek|hosts|dnsmasq|unbound|ip (blocking)",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong([.. ListFormats, "stix", .. BlockingFormats]);
        var type = new Option<string?>("--type") { Description = $"Only this type: {string.Join('|', IndicatorTypes.WireNames)}" };
        var actor = new Option<string?>("--actor") { Description = "Only this actor (any alias): its indicators; for stix also its intrusion sets and everything related" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var tlpMax = new Option<string>("--tlp-max")
        {
            Description = "Most restricted TLP level that may go into the file: clear|green|amber|amber+strict (RED never leaves)",
            DefaultValueFactory = _ => TlpLevels.DefaultExportMaximum.ToWire(),
        };
        var since = new Option<DateTimeOffset?>("--since") { Description = "stix: only objects modified at or after this time (ISO 8601)" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "stix: only objects modified before this time (ISO 8601)" };
        var command = new Command("export", """
            Export the indicators that are not revoked, as a list or a STIX 2.1 bundle. Nothing marked above
            --tlp-max (default green) goes into the file, TLP:RED never does; what was held back is reported.
            Lists and blocking formats carry only live indicators: expired, decayed and not-yet-valid ones stay
            in the store (rampart intel list --status decayed) and are counted, not exported. A STIX bundle is
            intel, not a block list: it keeps them, with their valid_until.
            Example: rampart intel export --format txt --type domain --actor THALLIUM -o thallium-domains.txt
            Example: rampart intel export --format stix --actor STRONTIUM --tlp-max amber -o strontium.json
            """)
        { format, type, actor, output, tlpMax, since, until };
        command.SetAction(async (parse, ct) =>
        {
            var onlyType = ParseType(parse.GetValue(type));
            var maximum = ParseMaximum(parse.GetValue(tlpMax));
            var gate = new MarkingGate(maximum);
            LifecycleGate? live = null;
            var formatName = parse.GetValue(format)!;
            var path = parse.GetValue(output);
            if (formatName == "stix")
            {
                await ExportStixAsync(parse, new StixExportRequest(parse.GetValue(actor), parse.GetValue(since), parse.GetValue(until), maximum), path, ct);
                return 0;
            }

            await using (var writer = path is null ? Console.Out : new StreamWriter(path))
            {
                using var api = ApiClient.FromOptions(parse);
                // Through a server the store is not opened, but the decay settings are this verb's own
                // configuration (appsettings.json, environment), as for every verb.
                var store = api is null ? await LocalStore.OpenAsync(parse, ct) : LocalStore.Compose(parse);
                await using (store)
                {
                    IAsyncEnumerable<Indicator> indicators;
                    if (api is not null)
                    {
                        indicators = PagesFromServerAsync(api, onlyType, parse.GetValue(actor), ct);
                    }
                    else
                    {
                        var actorId = await ResolveActorAsync(store.Get<IActorStore>(), parse.GetValue(actor), ct);
                        indicators = PagesFromStoreAsync(store.Get<IIndicatorStore>(), onlyType, actorId, ct);
                    }

                    live = new LifecycleGate(store.Get<IndicatorLifecycle>(), store.Get<TimeProvider>().GetUtcNow());
                    var leaving = live.PassAsync(gate.PassAsync(indicators, ct), ct);
                    if (Enum.TryParse<BlockingFormat>(formatName, ignoreCase: true, out var blocking))
                    {
                        var result = await BlockingExportWriter.WriteAsync(leaving, blocking, writer, ct);
                        Console.Error.WriteLine($"rampart: {result.Written} indicators exported as {formatName}; {result.Skipped} of types {formatName} cannot express left out");
                    }
                    else
                    {
                        await IndicatorListWriter.WriteAsync(leaving, Enum.Parse<ListFormat>(formatName, ignoreCase: true), writer, ct);
                    }
                }
            }

            ReportWithheld(gate);
            ReportNotLive(live);
            return 0;
        });
        return command;
    }

    /// <summary>The <c>--type</c> of an export: null for every type.</summary>
    private static IndicatorType? ParseType(string? name)
    {
        IndicatorType? parsed = null;
        return name is null || IndicatorTypes.TryParse(name, out parsed)
            ? parsed
            : throw new CliException($"--type: unknown type '{name}'; one of {string.Join(", ", IndicatorTypes.WireNames)}");
    }

    /// <summary>The <c>--tlp-max</c> of an export.</summary>
    private static Tlp ParseMaximum(string? level) =>
        TlpLevels.TryParse(level, out var maximum)
            ? maximum.Value
            : throw new CliException($"--tlp-max: unknown level '{level}'; one of clear, green, amber, amber+strict");

    private static readonly string[] ListFormats = ["txt", "csv", "json", "jsonl"];

    private static readonly string[] BlockingFormats = ["suricata", "zeek", "hosts", "dnsmasq", "unbound", "ip"];

    /// <summary>Every way out passes the gate; what it held back goes to stderr, never into the file.</summary>
    private static void ReportWithheld(MarkingGate gate)
    {
        if (gate.RefusedTotal > 0)
        {
            Console.Error.WriteLine($"rampart: {gate.RefusedTotal} {gate}");
        }
    }

    /// <summary>What a blocking way out left out as expired, decayed or not yet valid, beside the TLP count.</summary>
    private static void ReportNotLive(LifecycleGate? live)
    {
        if (live is { LeftOutTotal: > 0 })
        {
            Console.Error.WriteLine($"rampart: {live.LeftOutTotal} {live}");
        }
    }

    private static async Task<string?> ResolveActorAsync(IActorStore actors, string? name, CancellationToken ct)
    {
        if (name is null)
        {
            return null;
        }

        var found = await actors.FindByNameAsync(name, ct);
        return found.Count switch
        {
            1 => found[0].Id,
            0 => throw new CliException($"--actor: no actor is named '{name}'"),
            _ => throw new CliException($"--actor: '{name}' names several actors: {string.Join(", ", found.Select(a => a.Name))}"),
        };
    }

    private static async IAsyncEnumerable<Indicator> PagesFromStoreAsync(IIndicatorStore store, IndicatorType? type, string? actorId, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        do
        {
            var page = await store.ListAsync(new IndicatorQuery(IndicatorQuery.MaxLimit, after, type, actorId), ct);
            foreach (var indicator in page.Items)
            {
                yield return indicator;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    private static async IAsyncEnumerable<Indicator> PagesFromServerAsync(ApiClient api, IndicatorType? type, string? actor, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        do
        {
            var query = $"api/v1/indicators?limit={IndicatorQuery.MaxLimit}"
                + (type is null ? "" : $"&type={type.Value.ToWire()}")
                + (actor is null ? "" : $"&actor={Uri.EscapeDataString(actor)}")
                + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var page = await api.GetAsync<PageResponse>(query, ct);
            foreach (var indicator in page.Items)
            {
                yield return indicator;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
