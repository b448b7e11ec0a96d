using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Storage;
using Rampart.Intel.Stix;

namespace Rampart.Intel;

/// <summary>STIX bundles in and out of the store.</summary>
public static partial class IntelVerbs
{
    /// <summary>A bundle is a JSON object; a list never starts with '{' (after an optional BOM and blanks).</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\xEF\xBB\xBF"u8))
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'{';
    }

    private static async Task<int> ImportStixAsync(ParseResult parse, Stream stream, string name, string? source, OutputFormat format, CancellationToken ct)
    {
        if (ApiClient.FromOptions(parse) is { } api)
        {
            api.Dispose();
            throw new CliException("STIX bundles are imported on the store itself: run without --server (same --data or --database as the server)");
        }

        await using var store = await LocalStore.OpenAsync(parse, ct);
        StixImportReport report;
        try
        {
            // A one-shot process: the import may hold the store for itself (StoreAccess.Exclusive).
            report = await store.Get<StixImporter>().ImportAsync(stream, name, source ?? "stix", ChangeContext.ForCli(), StoreAccess.Exclusive, ct);
        }
        catch (StixFormatException ex)
        {
            throw new CliException($"{name}: byte {ex.Offset}: {ex.Message}; nothing was imported");
        }

        foreach (var problem in report.Problems)
        {
            Console.Error.WriteLine(problem.ToString());
        }

        if (format == OutputFormat.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                file = name,
                objects = report.Objects,
                added = report.Counts.Added,
                unchanged = report.Counts.Unchanged,
                skipped = report.Skipped,
                indicators_added = report.Counts.IndicatorsAdded,
                indicators_updated = report.Counts.IndicatorsUpdated,
                not_enforced = report.NotEnforced,
                attributed = report.Attributed,
                problems = report.Problems.Select(p => p.ToString()),
            }, Json.Indented));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {report.Objects} objects: {report.Counts.Added} new, {report.Counts.Unchanged} unchanged, {report.Skipped} skipped; "
                + $"indicators {report.Counts.IndicatorsAdded} added, {report.Counts.IndicatorsUpdated} updated, {report.Attributed} attributed; "
                + $"{report.NotEnforced} indicator objects kept but not (fully) enforced"));
        }

        return 0;
    }

    private static async Task ExportStixAsync(ParseResult parse, StixExportRequest request, string? path, CancellationToken ct)
    {
        if (ApiClient.FromOptions(parse) is { } api)
        {
            api.Dispose();
            throw new CliException("STIX bundles are exported from the store itself: run without --server");
        }

        await using var store = await LocalStore.OpenAsync(parse, ct);
        await using var output = path is null ? Console.OpenStandardOutput() : File.Create(path);
        StixExportReport report;
        try
        {
            report = await store.Get<StixExporter>().ExportAsync(request, output, ct);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--actor: {ex.Message}");
        }

        if (path is null)
        {
            await output.WriteAsync("\n"u8.ToArray(), ct);
        }

        Console.Error.WriteLine($"rampart: {report.Objects} objects exported; {report.Gate}");
    }
}
