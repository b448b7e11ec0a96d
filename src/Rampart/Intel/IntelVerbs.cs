using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Intel.Import;
using Rampart.Intel.Lists;

namespace Rampart.Intel;

/// <summary><c>rampart intel import|export</c>: indicator lists in and out.</summary>
public static class IntelVerbs
{
    private sealed record BatchResponse(ImportResult Result, IReadOnlyList<string> Skipped);

    private sealed record PageResponse(IReadOnlyList<Indicator> Items, string? Next);

    public static Command Create()
    {
        var command = new Command("intel", "Indicators and intel in and out");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
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
        var format = CliOptions.Format(rows: false);
        var command = new Command("import", """
            Import an indicator list as one transaction: all of it, or nothing if a line is invalid.
            Types are detected (domain, URL, IPv4/IPv6, CIDR, e-mail, MD5/SHA-1/SHA-256); defanged forms are accepted.
            Re-importing the same file changes nothing.
            Example: rampart intel import thallium.txt --actor THALLIUM --source microsoft-dcu --confidence 90
            """)
        { file, actor, source, confidence, validUntil, skipInvalid, format };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var name = path == "-" ? "stdin" : path;
            var defaults = new ImportDefaults(parse.GetValue(source) ?? Path.GetFileName(name), parse.GetValue(actor), parse.GetValue(confidence), parse.GetValue(validUntil));
            IndicatorListReadResult parsed;
            try
            {
                await using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
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
            var (result, skipped) = await ImportAsync(parse, name, parsed, defaults, skip, ct);
            foreach (var line in skipped)
            {
                Console.Error.WriteLine($"skipped {line}");
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { file = name, result, skipped }, Json.Indented));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged, {skipped.Count} skipped (store revision {result.Revision})"));
            }

            return 0;
        });
        return command;
    }

    private static async Task<(ImportResult Result, IReadOnlyList<string> Skipped)> ImportAsync(
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
                valid_until = defaults.ValidUntil,
                skip_invalid = skipInvalid,
            }, ct);
            return (response.Result, [.. parsed.Errors.Select(e => e.ToString()), .. response.Skipped]);
        }

        await using var store = await LocalStore.OpenAsync(parse, ct);
        var outcome = await store.Get<IndicatorImporter>().ImportAsync(name, parsed, defaults, skipInvalid, ChangeContext.ForCli(), ct);
        if (!outcome.Succeeded)
        {
            throw Refused(outcome.Errors.Select(e => e.ToString()).ToArray());
        }

        return (outcome.Result!, outcome.Skipped.Select(e => e.ToString()).ToArray());
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
        var format = new Option<ListFormat>("--format", "-f")
        {
            Description = "Output format: txt|csv|json|jsonl",
            DefaultValueFactory = _ => ListFormat.Csv,
            CustomParser = result => Enum.Parse<ListFormat>(result.Tokens[^1].Value, ignoreCase: true),
        };
        format.AcceptOnlyFromAmong("txt", "csv", "json", "jsonl");
        var type = new Option<string?>("--type") { Description = $"Only this type: {string.Join('|', IndicatorTypes.WireNames)}" };
        var actor = new Option<string?>("--actor") { Description = "Only indicators attributed to this actor (any alias)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var command = new Command("export", """
            Export the indicators that are not revoked, as a list.
            Example: rampart intel export --format txt --type domain --actor THALLIUM -o thallium-domains.txt
            """)
        { format, type, actor, output };
        command.SetAction(async (parse, ct) =>
        {
            IndicatorType? onlyType = null;
            if (parse.GetValue(type) is { } typeName && !IndicatorTypes.TryParse(typeName, out onlyType))
            {
                throw new CliException($"--type: unknown type '{typeName}'; one of {string.Join(", ", IndicatorTypes.WireNames)}");
            }

            var path = parse.GetValue(output);
            await using var writer = path is null ? Console.Out : new StreamWriter(path);
            using var api = ApiClient.FromOptions(parse);
            if (api is not null)
            {
                await IndicatorListWriter.WriteAsync(PagesFromServerAsync(api, onlyType, parse.GetValue(actor), ct), parse.GetValue(format), writer, ct);
                return 0;
            }

            await using var store = await LocalStore.OpenAsync(parse, ct);
            var actorId = await ResolveActorAsync(store.Get<IActorStore>(), parse.GetValue(actor), ct);
            await IndicatorListWriter.WriteAsync(PagesFromStoreAsync(store.Get<IIndicatorStore>(), onlyType, actorId, ct), parse.GetValue(format), writer, ct);
            return 0;
        });
        return command;
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
