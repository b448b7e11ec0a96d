using System.CommandLine;
using Rampart.Cli;
using Rampart.Core.Indicators;
using Rampart.Core.Text;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using Spectre.Console;

namespace Rampart.Detection;

/// <summary><c>rampart check VALUE...</c>: verdicts from the store, or from a running server.</summary>
/// <remarks>
/// The exit code is the worst verdict, so scripts can branch without parsing output:
/// 0 every value clean (or allowlisted), 2 some suspicious, 3 some malicious, 4 some input invalid
/// (and nothing suspicious or malicious), 1 the check itself failed.
/// </remarks>
public static class CheckVerb
{
    public const int ExitSuspicious = 2;
    public const int ExitMalicious = 3;
    public const int ExitInvalid = 4;

    private sealed record VerdictsResponse(long Revision, IReadOnlyList<Verdict> Verdicts);

    public static Command Create()
    {
        var values = new Argument<string[]>("values")
        {
            Description = "URLs, domains, IPs, e-mail addresses or hashes; defanged forms welcome; - reads one per line from stdin",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CliOptions.Format(rows: true);
        var command = new Command("check", """
            Answer "is this dangerous?" from the stored indicators: exact matches, parent domains, URL hosts
            and path prefixes (Safe Browsing canonical form), networks; bare-IP URLs and shorteners are suspicious.
            Exit code: 0 clean, 2 suspicious, 3 malicious, 4 invalid input, 1 failure (the worst value wins).
            Example: rampart check hxxps://login.evil[.]com/x 1.2.3[.]4
            """)
        { values, format };
        command.SetAction(async (parse, ct) =>
        {
            var inputs = await ReadInputsAsync(parse.GetValue(values)!, ct);
            var verdicts = await CheckAsync(parse, inputs, ct);
            Print(verdicts, parse.GetValue(format));
            return ExitCode(verdicts);
        });
        return command;
    }

    private static async Task<IReadOnlyList<Verdict>> CheckAsync(ParseResult parse, IReadOnlyList<string> inputs, CancellationToken ct)
    {
        using var api = ApiClient.FromOptions(parse);
        if (api is not null)
        {
            return (await api.PostAsync<VerdictsResponse>("api/v1/verdicts", new { values = inputs }, ct)).Verdicts;
        }

        await using var store = await LocalStore.OpenAsync(parse, ct);
        var engine = store.Get<IndexVerdictEngine>();
        engine.Replace(IndicatorView.Of(await store.Get<IndicatorIndexLoader>().LoadAsync(ct)));
        var verdicts = new List<Verdict>(inputs.Count);
        foreach (var input in inputs)
        {
            verdicts.Add(await engine.CheckAsync(input, ct));
        }

        return verdicts;
    }

    /// <summary>The worst verdict decides: malicious, then suspicious, then invalid input.</summary>
    public static int ExitCode(IEnumerable<Verdict> verdicts)
    {
        var dispositions = verdicts.Select(v => v.Disposition).ToHashSet();
        return dispositions.Contains(Disposition.Malicious) ? ExitMalicious
            : dispositions.Contains(Disposition.Suspicious) ? ExitSuspicious
            : dispositions.Contains(Disposition.Invalid) ? ExitInvalid
            : 0;
    }

    private static async Task<IReadOnlyList<string>> ReadInputsAsync(string[] values, CancellationToken ct)
    {
        if (values is not ["-"])
        {
            return values;
        }

        var lines = new List<string>();
        while (await Console.In.ReadLineAsync(ct) is { } line)
        {
            if (line.Trim() is { Length: > 0 } trimmed)
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }

    private static void Print(IReadOnlyList<Verdict> verdicts, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(verdicts, Json.Indented));
                break;
            case OutputFormat.Jsonl:
                foreach (var verdict in verdicts)
                {
                    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(verdict, Json.Options));
                }

                break;
            case OutputFormat.Csv:
                Console.WriteLine(Csv.Line("input", "disposition", "score", "type", "normalized", "actors", "reasons"));
                foreach (var v in verdicts)
                {
                    Console.WriteLine(Csv.ReportLine(v.Input, Word(v.Disposition), v.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        v.Type?.ToWire(), v.Normalized, string.Join("; ", Actors(v)), string.Join("; ", v.Reasons.Select(r => r.Text))));
                }

                break;
            case OutputFormat.Text:
                var table = new Table().AddColumns("Input", "Verdict", "Score", "Actor", "Why");
                foreach (var v in verdicts)
                {
                    var color = v.Disposition switch
                    {
                        Disposition.Malicious => "red",
                        Disposition.Suspicious => "yellow",
                        Disposition.Invalid => "grey",
                        Disposition.Allowlisted => "green",
                        Disposition.Clean => "default",
                    };
                    table.AddRow(
                        Markup.Escape(TerminalText.Printable(v.Input)),
                        $"[{color}]{Word(v.Disposition)}[/]",
                        v.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join(", ", Actors(v))),
                        Markup.Escape(string.Join(Environment.NewLine, v.Reasons.Select(r => TerminalText.Printable(r.Text)))));
                }

                AnsiConsole.Write(table);
                break;
        }
    }

    private static IEnumerable<string> Actors(Verdict verdict) =>
        verdict.Matches.Select(m => m.ActorName ?? m.ActorId).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string Word(Disposition disposition) => disposition.ToString().ToLowerInvariant();
}
