using System.Globalization;
using System.Text.Json;
using Rampart.Accounts.Footholds;
using Rampart.Cli;
using Rampart.Reports;
using Rampart.Reports.Accounts;
using Spectre.Console;

namespace Rampart.Accounts;

/// <summary>The audit as text (a summary table per account, then each account's footholds and plan), JSON, or a self-contained HTML page.</summary>
internal static class AuditOutput
{
    private const int ProblemsShown = 20;

    public static async Task WriteAsync(FootholdAnalysis analysis, AuditRun run, OutputFormat format, string? path, CancellationToken ct)
    {
        foreach (var problem in run.Problems.Take(ProblemsShown))
        {
            Console.Error.WriteLine($"skipped {problem}");
        }

        if (run.Skipped > ProblemsShown)
        {
            Console.Error.WriteLine($"… and {run.Skipped - ProblemsShown} more skipped records");
        }

        switch (format)
        {
            case OutputFormat.Json:
                await WriteJsonAsync(path, Document(analysis, run), ct);
                break;
            case OutputFormat.Html:
                var html = await HtmlReport.RenderAsync<AccountsAuditPage>(new Dictionary<string, object?>
                {
                    [nameof(AccountsAuditPage.Analysis)] = analysis,
                    [nameof(AccountsAuditPage.Files)] = run.Files,
                    [nameof(AccountsAuditPage.Skipped)] = run.Skipped,
                });
                await WriteAsync(path, html, ct);
                break;
            case OutputFormat.Text or OutputFormat.Csv or OutputFormat.Jsonl:
                if (path is not null)
                {
                    using var writer = new StreamWriter(path);
                    var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(writer) });
                    console.Profile.Width = 240;
                    PrintText(console, analysis, run);
                }
                else
                {
                    PrintText(AnsiConsole.Console, analysis, run);
                }

                break;
        }
    }

    private static async Task WriteAsync(string? path, string text, CancellationToken ct)
    {
        if (path is null)
        {
            Console.WriteLine(text);
        }
        else
        {
            await File.WriteAllTextAsync(path, text, ct);
        }
    }

    // Streamed: a report over millions of records can run to hundreds of megabytes, which as one string
    // would sit in memory twice (UTF-16, then UTF-8).
    private static async Task WriteJsonAsync(string? path, object document, CancellationToken ct)
    {
        if (path is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await JsonSerializer.SerializeAsync(stdout, document, Json.Indented, ct);
            await stdout.WriteAsync("\n"u8.ToArray(), ct);
        }
        else
        {
            await using var file = File.Create(path);
            await JsonSerializer.SerializeAsync(file, document, Json.Indented, ct);
        }
    }

    private static object Document(FootholdAnalysis analysis, AuditRun run) => new
    {
        files = run.Files,
        events = analysis.Events,
        accounts_seen = analysis.AccountsSeen,
        skipped = run.Skipped,
        problems = run.Problems.Select(p => new { file = p.File, line = p.Line, reason = p.Reason }),
        supplied_rules = run.SuppliedRules,
        dropped_matches = run.DroppedMatches,
        indicator_addresses = analysis.IndicatorAddresses,
        seconds = run.Elapsed.TotalSeconds,
        accounts = analysis.Accounts,
    };

    private static void PrintText(IAnsiConsole console, FootholdAnalysis analysis, AuditRun run)
    {
        var summary = new Table().Title("accounts").AddColumns("account", "status", "actor", "compromised since", "last reset",
            "survives reset", "created after reset", "access continued", "review", "removed", "plan steps");
        foreach (var a in analysis.Accounts)
        {
            summary.AddRow(
                E(a.Account),
                a.Status == AccountStatus.Compromised ? "[red]compromised[/]" : "review",
                E(string.Join(", ", a.Actors)),
                E(Time(a.WindowOpened)),
                E(Time(a.LastReset)),
                Count(a, FootholdClassification.SurvivesReset),
                Count(a, FootholdClassification.CreatedAfterReset),
                a.ContinuedAccess.Count.ToString(CultureInfo.InvariantCulture),
                Count(a, FootholdClassification.PreExistingReview),
                Count(a, FootholdClassification.Removed),
                a.Plan.Steps.Count(s => !s.Done).ToString(CultureInfo.InvariantCulture));
        }

        console.Write(summary);
        foreach (var a in analysis.Accounts)
        {
            PrintAccount(console, a);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Files.Count} files, {analysis.Events} events, {run.Skipped} skipped records, {analysis.Accounts.Count(a => a.Status == AccountStatus.Compromised)} compromised accounts, {analysis.Accounts.Count} reported, {run.SuppliedRules} supplied rules, in {run.Elapsed.TotalSeconds:F1} s"));
    }

    private static void PrintAccount(IAnsiConsole console, AccountReport a)
    {
        console.WriteLine();
        var actors = a.Actors.Count > 0 ? $" — {string.Join(", ", a.Actors)}" : "";
        console.MarkupLine($"[bold]{E(a.Account)}[/]: {E(a.StatusLabel)}{E(actors)}"
            + (a.WindowOpened is { } w ? E($", compromised since {Time(w)}") : "")
            + (a.LastReset is { } r ? E($", last password reset {Time(r)}") : ""));
        if (a.Footholds.Count > 0)
        {
            var table = new Table().AddColumns("foothold", "what", "created", "by, from", "status", "evidence");
            foreach (var f in a.Footholds)
            {
                table.AddRow(E(f.Kind.Noun()), E(f.Description), E(Time(f.Created.Time)), E($"{f.Created.Actor} {f.Created.ClientIp}".Trim()),
                    Colour(f.Classification), E(f.Removed is { } removed ? $"{f.Created.Where}; removed {removed.Where}" : f.Created.Where));
            }

            console.Write(table);
        }

        foreach (var c in a.ContinuedAccess)
        {
            console.MarkupLine($"  [red]{E(c.Label)}[/]: {E(c.By)} {E(c.Value)}{E(c.Actor is null ? "" : $" ({c.Actor})")}, first seen {E(Time(c.FirstSeen))}, last {E(Time(c.LastSeen))} ({E(c.Last.Operation ?? "")}, {E(c.Last.Where)}), {c.Events} records");
        }

        var findings = a.Findings.Where(f => f.OpensWindow).ToList();
        foreach (var f in findings)
        {
            console.MarkupLine($"  sign of compromise ({E(f.Level)}): {E(f.Title)}: {E(f.Detail)} [grey]{E(f.Evidence.Where)}[/]");
        }

        if (a.Plan.Steps.Count == 0 && a.Plan.Completed.Count == 0)
        {
            return;
        }

        console.MarkupLine("  [bold]remediation plan[/]");
        foreach (var step in a.Plan.Steps)
        {
            console.MarkupLine($"  {step.Number}. {(step.Done ? "[green]done[/] " : "")}{E(step.Title)}");
            if (step.CreatedSummary is { } created)
            {
                console.MarkupLine($"     [grey]{E(created)}[/]");
            }

            console.MarkupLine($"     command: {E(step.Command)}");
            console.MarkupLine($"     confirm: {E(step.Confirmation)}" + (step.DoneBy is { } by ? E($" — seen at {Time(by.Time)} ({by.Where})") : ""));
        }

        foreach (var step in a.Plan.Completed)
        {
            console.MarkupLine($"  [green]done[/]: {E(step.Title)} — {E(step.DoneBy?.Operation ?? "")} at {E(Time(step.DoneBy?.Time))} ({E(step.DoneBy?.Where ?? "")})");
        }
    }

    private static string Count(AccountReport a, FootholdClassification c) =>
        a.Footholds.Count(f => f.Classification == c).ToString(CultureInfo.InvariantCulture);

    private static string Colour(FootholdClassification c) => c switch
    {
        FootholdClassification.SurvivesReset or FootholdClassification.CreatedAfterReset or FootholdClassification.OpenNoReset => $"[red]{E(c.Label())}[/]",
        FootholdClassification.PreExistingReview => $"[yellow]{E(c.Label())}[/]",
        FootholdClassification.Removed => $"[green]{E(c.Label())}[/]",
    };

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string E(string text) => Markup.Escape(text);
}
