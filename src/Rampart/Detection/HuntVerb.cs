using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Allowlists;
using Rampart.Core.Text;
using Rampart.Detection.Lookalikes;
using Spectre.Console;

namespace Rampart.Detection;

/// <summary><c>rampart hunt FILE|-</c>: screen a feed of candidate names for lookalikes of the protected brands.</summary>
public static class HuntVerb
{
    /// <summary>Invalid lines are counted, and the first ones shown: a binary file must not flood the terminal.</summary>
    private const int ShownErrors = 20;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A file of names, one a line, or CSV with --column; - reads stdin" };
        var column = new Option<int?>("--column") { Description = "Read the name from this 1-based CSV column" };
        var noPopular = new Option<bool>("--no-popular") { Description = "Turn off the popularity allowlist (Majestic top 15k)" };
        var brandsFile = new Option<string?>("--brands") { Description = "Brands file to protect besides the defaults (default: brands.json in the data folder, see rampart brands add)" };
        var all = new Option<bool>("--all") { Description = "Print every name with its level, clean and allowlisted ones too (for measuring)" };
        var format = CliOptions.Format(rows: true);
        format.AcceptOnlyFromAmong("text", "csv", "jsonl");
        var command = new Command("hunt", """
            Screen millions of candidate names (newly registered domains, certificate-transparency names) for lookalikes of
            the protected brands; print the suspicious ones with reasons, and a summary.
            Example: rampart hunt new-domains.txt --format jsonl > hits.jsonl
            """)
        { file, column, noPopular, brandsFile, all, format };
        command.SetAction((parse, ct) =>
        {
            var extra = BrandsVerb.ReadBrandsFile(parse.GetValue(brandsFile) ?? BrandsVerb.PathIn(parse));
            var engine = LookalikeEngine.CreateDefault(new AllowlistOptions { Popularity = !parse.GetValue(noPopular) }, extra);
            var hunter = new LookalikeHunter(engine) { Column = parse.GetValue(column) is { } c ? Math.Max(0, c - 1) : null, ReportAll = parse.GetValue(all) };
            var summary = Hunt(parse.GetValue(file)!, hunter, parse.GetValue(format), ct);
            return Task.FromResult(summary.Invalid > 0 && summary.Invalid == summary.Lines - summary.Skipped ? 1 : 0);
        });
        return command;
    }

    private static HuntSummary Hunt(string path, LookalikeHunter hunter, OutputFormat format, CancellationToken ct)
    {
        Stream stream;
        try
        {
            stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {ex.Message}");
        }

        using (stream)
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
            var errors = 0L;
            if (format == OutputFormat.Csv)
            {
                output.WriteLine(Csv.Line("line", "name", "level", "score", "brand", "technique", "reasons"));
            }

            void OnHit(HuntHit hit)
            {
                if (hit.Result.Level == LookalikeLevel.Invalid)
                {
                    if (++errors <= ShownErrors)
                    {
                        Console.Error.WriteLine($"rampart: {(path == "-" ? "stdin" : path)}:{hit.Line}: {hit.Result.Summary}");
                    }

                    return;
                }

                Write(output, hit, format);
            }

            var summary = stream.CanSeek && !Console.IsErrorRedirected
                ? WithProgress(stream, reader, hunter, OnHit, ct)
                : hunter.Run(reader, OnHit, null, ct);
            output.Flush();
            if (errors > ShownErrors)
            {
                Console.Error.WriteLine($"rampart: … and {errors - ShownErrors} more lines that are not host names");
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hunted {summary.Lines:N0} lines in {summary.Elapsed.TotalSeconds:F1} s ({summary.NamesPerSecond:N0}/s): {summary.Malicious:N0} malicious, {summary.Suspicious:N0} suspicious, {summary.Allowlisted:N0} allowlisted, {summary.Invalid:N0} not host names, {summary.Skipped:N0} blank or comments"));
            return summary;
        }
    }

    private static HuntSummary WithProgress(Stream stream, StreamReader reader, LookalikeHunter hunter, Action<HuntHit> onHit, CancellationToken ct)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        HuntSummary? summary = null;
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("hunting", maxValue: Math.Max(1, stream.Length));
            summary = hunter.Run(reader, onHit, _ => task.Value = stream.Position, ct);
            task.Value = task.MaxValue;
        });
        return summary!;
    }

    private static void Write(StreamWriter output, HuntHit hit, OutputFormat format)
    {
        var r = hit.Result;
        var top = r.Findings.Count > 0 ? r.Findings[0] : null;
        switch (format)
        {
            case OutputFormat.Jsonl:
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(new { line = hit.Line, name = r.Input, host = r.Host, display = r.Display, level = Word(r.Level), score = r.Score, findings = r.Findings }, Json.Options));
                break;
            case OutputFormat.Csv:
                output.WriteLine(Csv.ReportLine(hit.Line.ToString(CultureInfo.InvariantCulture), r.Input, Word(r.Level), r.Score.ToString(CultureInfo.InvariantCulture),
                    top?.Brand, top?.Technique.ToString(), string.Join(" | ", r.Findings.Select(f => f.Reason))));
                break;
            case OutputFormat.Text:
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Word(r.Level),-10} {r.Score,3}  {r.Display}  {string.Join("; ", r.Findings.Select(f => f.Reason))}"));
                break;
        }
    }

    private static string Word(LookalikeLevel level) => level.ToString().ToLowerInvariant();
}
