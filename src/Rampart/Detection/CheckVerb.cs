using System.CommandLine;
using Rampart.Cli;
using Rampart.Core.Indicators;
using Rampart.Core.Text;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using Spectre.Console;

namespace Rampart.Detection;

/// <summary><c>rampart check VALUE...</c>: verdicts from the store, or from a running server.</summary>
public static class CheckVerb
{
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
            Answer "is this dangerous?" from the stored indicators: exact matches, parent domains, URL hosts.
            Example: rampart check hxxps://login.evil[.]com/x 1.2.3[.]4
            """)
        { values, format };
        command.SetAction(async (parse, ct) =>
        {
            var inputs = await ReadInputsAsync(parse.GetValue(values)!, ct);
            var verdicts = await CheckAsync(parse, inputs, ct);
            Print(verdicts, parse.GetValue(format));
            return 0;
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
        var engine = store.Get<SnapshotVerdictEngine>();
        engine.Replace(await store.Get<IndicatorSnapshotLoader>().LoadAsync(ct));
        return inputs.Select(engine.Check).ToArray();
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
                    Console.WriteLine(Csv.Line(v.Input, Word(v.Disposition), v.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        v.Type?.ToWire(), v.Normalized, string.Join("; ", Actors(v)), string.Join("; ", v.Reasons)));
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
                        Disposition.Unknown => "default",
                    };
                    table.AddRow(
                        Markup.Escape(v.Input),
                        $"[{color}]{Word(v.Disposition)}[/]",
                        v.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join(", ", Actors(v))),
                        Markup.Escape(string.Join(Environment.NewLine, v.Reasons)));
                }

                AnsiConsole.Write(table);
                break;
        }
    }

    private static IEnumerable<string> Actors(Verdict verdict) =>
        verdict.Matches.Select(m => m.ActorName ?? m.ActorId).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string Word(Disposition disposition) => disposition.ToString().ToLowerInvariant();
}
