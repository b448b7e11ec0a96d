using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;
using Rampart.Cli;
using Rampart.Core.Accounts;
using Rampart.Core.Auditing;
using Spectre.Console;

namespace Rampart.Accounts;

/// <summary><c>rampart logs scan</c>: audit logs in, Sigma rules over them, matches stored.</summary>
public static class LogsVerbs
{
    private const int ProblemsShown = 20;
    private const int RowsShown = 25;

    public static Command Create()
    {
        var command = new Command("logs", "Audit logs: Microsoft 365 Unified Audit Log, Entra ID sign-in and audit logs, generic JSON lines");
        command.Subcommands.Add(Scan());
        command.Subcommands.Add(Matches());
        return command;
    }

    private static Command Matches()
    {
        var account = new Option<string?>("--account") { Description = "Only this account's matches" };
        var scan = new Option<string?>("--scan") { Description = "Only this scan's matches (an id printed by logs scan)" };
        var rule = new Option<string?>("--rule") { Description = "Only this rule's matches (its id)" };
        var limit = new Option<int>("--limit") { Description = "At most this many", DefaultValueFactory = _ => RuleMatchQuery.DefaultLimit };
        var format = CliOptions.Format(rows: false);
        var command = new Command("matches", "List stored rule matches, oldest event first.\nExample: rampart logs matches --account victim@contoso.com")
        { account, scan, rule, limit, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var matches = await store.Get<ILogScanStore>().ListMatchesAsync(
                new RuleMatchQuery(parse.GetValue(scan), parse.GetValue(account), parse.GetValue(rule), parse.GetValue(limit)), ct);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(matches.Select(m => new
                {
                    id = m.Id,
                    scan = m.ScanId,
                    rule = m.Match.RuleId,
                    title = m.Match.RuleTitle,
                    level = m.Match.Level,
                    logsource = m.Match.Logsource,
                    time = m.Match.EventTime,
                    account = m.Match.Account,
                    client_ip = m.Match.ClientIp,
                    operation = m.Match.Operation,
                    file = m.Match.File,
                    line = m.Match.Line,
                    group = m.Match.GroupKey,
                }), Json.Indented));
                return 0;
            }

            var table = new Table().AddColumns("time", "account", "rule", "operation", "client ip", "where");
            foreach (var m in matches.Select(m => m.Match))
            {
                table.AddRow(
                    Markup.Escape(m.EventTime?.ToString("u", CultureInfo.InvariantCulture) ?? ""), Markup.Escape(m.Account ?? ""), Markup.Escape(m.RuleTitle),
                    Markup.Escape(m.Operation ?? ""), Markup.Escape(m.ClientIp ?? ""), Markup.Escape($"{m.File}:{m.Line}"));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Scan()
    {
        var paths = new Argument<string[]>("paths") { Description = "Log files or folders of them (every file below a folder)", Arity = ArgumentArity.OneOrMore };
        var rulesOption = new Option<string[]>("--rules") { Description = "Sigma rule files or folders (repeatable); without it the logs are only read and summarized" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only evaluate events at or after this time (ISO 8601, e.g. 2026-11-01)" };
        var fieldMap = new Option<string?>("--field-map")
        {
            Description = "Read generic JSON lines through this map, e.g. timestamp=ts,account=user.name,ip=src,operation=action,result=outcome,product=okta,service=system",
        };
        var noStore = new Option<bool>("--no-store") { Description = "Do not record the scan and its matches in the store" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("scan", """
            Read audit logs of any supported export (the format is recognised from the records), run Sigma
            rules over the events, print matches per rule and per account, and store the matches.
            A bad record is reported with its file and line and skipped; the rest is still read.
            Example: rampart logs scan ual.jsonl signins/ --rules sigma/rules/cloud --since 2026-11-01
            """)
        { paths, rulesOption, since, fieldMap, noStore, format };
        command.SetAction(async (parse, ct) =>
        {
            var options = new AuditLogScanOptions
            {
                Reader = new AuditLogReaderOptions { FieldMap = ParseFieldMap(parse.GetValue(fieldMap)) },
                Since = parse.GetValue(since),
            };
            var ruleSet = LoadRules(parse.GetValue(rulesOption) ?? []);
            var files = ExpandPaths(parse.GetValue(paths)!);
            var text = parse.GetValue(format) == OutputFormat.Text;
            var scanner = new AuditLogScanner(ruleSet, options);
            var clock = Stopwatch.StartNew();
            Run(files, showProgress: text && !Console.IsErrorRedirected && !Console.IsOutputRedirected, (file, progress) => ScanOne(scanner, file, progress, ct));
            clock.Stop();

            LogScan? stored = null;
            if (!parse.GetValue(noStore))
            {
                stored = await StoreAsync(parse, scanner.Summary, ruleSet?.Count ?? 0, ct);
            }

            if (text)
            {
                PrintText(scanner, ruleSet, clock.Elapsed, stored);
            }
            else
            {
                PrintJson(scanner, ruleSet, clock.Elapsed, stored);
            }

            return scanner.Summary.ProblemCount > 0 ? 2 : 0;
        });
        return command;
    }

    internal static FieldMap? ParseFieldMap(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return FieldMap.TryParse(text, out var map, out var error) ? map : throw new CliException($"--field-map: {error}");
    }

    internal static SigmaRuleSet? LoadRules(string[] paths)
    {
        if (paths.Length == 0)
        {
            return null;
        }

        var loaded = SigmaLoader.LoadPaths(paths);
        var set = SigmaRuleSet.Compile(loaded.Documents, new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq });
        foreach (var error in loaded.Errors.Concat(set.Errors))
        {
            Console.Error.WriteLine($"rule not loaded: {error}");
        }

        if (set.Count == 0)
        {
            throw new CliException($"no rule could be loaded from {string.Join(", ", paths)}");
        }

        return set;
    }

    internal static List<string> ExpandPaths(string[] paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliException($"{path}: no such file or folder");
            }
        }

        return files;
    }

    /// <summary>Reads each file through <paramref name="readOne"/>, with a progress bar over all their bytes when asked.</summary>
    internal static void Run(List<string> files, bool showProgress, Action<string, Action<long>?> readOne)
    {
        if (!showProgress)
        {
            foreach (var file in files)
            {
                readOne(file, null);
            }

            return;
        }

        var total = files.Sum(f => new FileInfo(f).Length);
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("reading", maxValue: Math.Max(1, total));
                long done = 0;
                foreach (var file in files)
                {
                    task.Description = Markup.Escape(Path.GetFileName(file));
                    readOne(file, read => task.Value = done + read);
                    done += new FileInfo(file).Length;
                }

                task.Value = total;
            });
    }

    private static void ScanOne(AuditLogScanner scanner, string file, Action<long>? progress, CancellationToken ct)
    {
        try
        {
            scanner.ScanFile(file, progress, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{file}: {ex.Message}");
        }
    }

    private static async Task<LogScan> StoreAsync(ParseResult parse, AuditLogScanSummary summary, int rules, CancellationToken ct)
    {
        var matches = summary.Matches.Select(m => new RuleMatch(
            m.Rule.Key, m.Rule.Title, m.Rule.Level, m.Event.Logsource.ToString(), m.Event.Timestamp, m.Event.Account,
            m.Event.ClientIp?.ToString(), m.Event.Operation, m.Event.Origin.File, m.Event.Origin.Line, m.GroupKey, m.EventJson)).ToList();
        await using var store = await LocalStore.OpenAsync(parse, ct);
        return await store.Get<ILogScanStore>().RecordAsync(
            new NewLogScan(summary.Files, summary.Events, summary.ProblemCount, rules), matches, ChangeContext.ForCli(), ct);
    }

    private static void PrintText(AuditLogScanner scanner, SigmaRuleSet? rules, TimeSpan elapsed, LogScan? stored)
    {
        var summary = scanner.Summary;
        foreach (var problem in summary.Problems.Take(ProblemsShown))
        {
            Console.Error.WriteLine($"skipped {problem}");
        }

        if (summary.ProblemCount > ProblemsShown)
        {
            Console.Error.WriteLine($"… and {summary.ProblemCount - ProblemsShown} more skipped records");
        }

        var sources = new Table().AddColumns("logsource", "events");
        foreach (var (source, count) in summary.PerLogsource.OrderByDescending(p => p.Value))
        {
            sources.AddRow(Markup.Escape(source), Number(count));
        }

        AnsiConsole.Write(sources);
        if (rules is not null)
        {
            var perRule = new Table().AddColumns("rule", "level", "matches", "accounts");
            foreach (var (_, tally) in summary.PerRule.OrderByDescending(p => p.Value.Matches).Take(RowsShown))
            {
                perRule.AddRow(Markup.Escape(tally.Title), Markup.Escape(tally.Level ?? ""), Number(tally.Matches), Number(tally.Accounts.Count));
            }

            var perAccount = new Table().AddColumns("account", "matches");
            foreach (var (account, count) in summary.PerAccount.OrderByDescending(p => p.Value).Take(RowsShown))
            {
                perAccount.AddRow(Markup.Escape(account), Number(count));
            }

            AnsiConsole.Write(perRule);
            AnsiConsole.Write(perAccount);
        }

        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Files.Count} files, {summary.Events} events ({summary.Evaluated} evaluated), {summary.ProblemCount} skipped records, " +
            $"{rules?.Count ?? 0} rules, {summary.MatchCount} matches in {seconds:F1} s ({summary.Bytes / 1e6 / seconds:F1} MB/s, {summary.Events / seconds:F0} records/s)"));
        if (stored is not null)
        {
            Console.WriteLine($"stored as {stored.Id}");
        }
    }

    private static void PrintJson(AuditLogScanner scanner, SigmaRuleSet? rules, TimeSpan elapsed, LogScan? stored)
    {
        var summary = scanner.Summary;
        var document = new
        {
            scan = stored?.Id,
            files = summary.Files,
            bytes = summary.Bytes,
            events = summary.Events,
            evaluated = summary.Evaluated,
            skipped = summary.ProblemCount,
            problems = summary.Problems.Select(p => new { file = p.File, line = p.Line, reason = p.Reason }),
            rules = rules?.Count ?? 0,
            matches = summary.MatchCount,
            per_rule = summary.PerRule.OrderByDescending(p => p.Value.Matches).Select(p => new
            {
                rule = p.Key,
                title = p.Value.Title,
                level = p.Value.Level,
                matches = p.Value.Matches,
                accounts = p.Value.Accounts.Order(StringComparer.Ordinal),
            }),
            per_account = summary.PerAccount.OrderByDescending(p => p.Value).Select(p => new { account = p.Key, matches = p.Value }),
            per_logsource = summary.PerLogsource,
            seconds = elapsed.TotalSeconds,
        };
        Console.WriteLine(JsonSerializer.Serialize(document, Json.Indented));
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
