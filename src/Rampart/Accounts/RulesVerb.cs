using System.CommandLine;
using System.Text.Json;
using Rampart.Accounts.Sigma;
using Rampart.Cli;
using Spectre.Console;

namespace Rampart.Accounts;

/// <summary><c>rampart rules check|test</c>: Sigma rules loaded, compiled and tried against events.</summary>
public static class RulesVerb
{
    public static Command Create() => new("rules", "Sigma rules: check that they load, test them against events")
    {
        CheckCommand(),
        TestCommand(),
    };

    private static Command CheckCommand()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or directories (*.yml, *.yaml)", Arity = ArgumentArity.OneOrMore };
        var format = CliOptions.Format(rows: false);
        var command = new Command("check", """
            Load and compile every rule; report each that cannot be used, with file:line and the exact reason.
            Exit code 1 when any rule fails. Example: rampart rules check rules/cloud
            """)
        { paths, format };
        command.SetAction(parse =>
        {
            var loaded = SigmaLoader.LoadPaths(Existing(parse.GetValue(paths)!));
            var set = SigmaRuleSet.Compile(loaded.Documents);
            var errors = loaded.Errors.Concat(set.Errors).ToList();
            var summary = new
            {
                documents = loaded.Documents.Count + loaded.Errors.Count,
                rules = loaded.Rules.Count(),
                correlations = loaded.Correlations.Count(),
                filters = loaded.Filters.Count(),
                compiledRules = set.Count,
                compiledCorrelations = set.Correlations.Count(),
                errors = errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, reason = e.Reason }).ToList(),
            };
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(summary, Json.Indented));
            }
            else
            {
                foreach (var error in errors)
                {
                    Console.WriteLine(error.ToString());
                }

                Console.WriteLine($"{summary.documents} documents: {summary.rules} rules, {summary.correlations} correlations, {summary.filters} filters loaded; "
                    + $"{summary.compiledRules} rules and {summary.compiledCorrelations} correlations compiled; {errors.Count} cannot be used");
            }

            return errors.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command TestCommand()
    {
        var rule = new Argument<string>("rule") { Description = "A rule file (or a directory of rules)" };
        var events = new Argument<string>("events") { Description = "Events: JSON lines, or one JSON array, of normalized records" };
        var timeField = new Option<string?>("--time-field") { Description = "Field with each event's time, for correlations (default: CreationTime, TimeGenerated, createdDateTime, time, @timestamp)" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("test", """
            Run rules over events: which events match, and why (the detection items that matched).
            Each event is tried under every log source the rules name. Example: rampart rules test rule.yml events.jsonl
            """)
        { rule, events, timeField, format };
        command.SetAction(parse =>
        {
            var loaded = SigmaLoader.LoadPaths(Existing([parse.GetValue(rule)!]));
            var set = SigmaRuleSet.Compile(loaded.Documents);
            foreach (var error in loaded.Errors.Concat(set.Errors))
            {
                Console.Error.WriteLine(error.ToString());
            }

            if (set.Count == 0)
            {
                throw new CliException("no rule could be loaded", 2);
            }

            var results = RuleTester.Run(set, parse.GetValue(events)!, parse.GetValue(timeField));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(results.Select(r => new
                {
                    line = r.Line,
                    rule = r.Rule?.Title,
                    id = r.Rule?.Id,
                    group = r.GroupKey,
                    matched = r.Items.Select(i => i.ToString()).ToList(),
                    error = r.Error,
                }), Json.Indented));
            }
            else
            {
                Print(results);
            }

            return results.Any(r => r.Error is null) ? 0 : 1;
        });
        return command;
    }

    private static void Print(IReadOnlyList<RuleTestResult> results)
    {
        var table = new Table().AddColumns("Line", "Rule", "Why");
        foreach (var result in results)
        {
            var why = result.Error ?? (result.GroupKey is { } key ? "correlation, group " + key : string.Join(Environment.NewLine, result.Items));
            table.AddRow(result.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(result.Rule?.Title ?? "(unreadable event)"), Markup.Escape(why));
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"{results.Count(r => r.Error is null)} matches");
    }

    private static string[] Existing(string[] paths)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new CliException($"{path}: no such file or directory", 2);
            }
        }

        return paths;
    }
}
