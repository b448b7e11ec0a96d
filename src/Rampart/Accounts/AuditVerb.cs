using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;
using Rampart.Cli;
using Rampart.Core.Accounts;
using Rampart.Core.Auditing;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;

namespace Rampart.Accounts;

/// <summary>
/// <c>rampart audit</c>: audit logs in, footholds out. Every account with something to report gets
/// its footholds classified against its compromise window and last password reset, the access that
/// continued after the reset, and a remediation plan.
/// </summary>
/// <remarks>Exit code: 0 nothing compromised, 3 some account compromised, 2 some records skipped (and nothing compromised), 1 failure.</remarks>
public static class AuditVerb
{
    public const int ExitCompromised = 3;
    public const int ExitSkipped = 2;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Log files or folders of them (every file below a folder)", Arity = ArgumentArity.OneOrMore };
        var rulesOption = new Option<string[]>("--rules") { Description = "More Sigma rule files or folders (repeatable), e.g. SigmaHQ's rules/cloud; their matches are findings" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only analyze events at or after this time (ISO 8601)" };
        var internalDomains = new Option<string[]>("--internal-domain") { Description = "A mail domain of the organization (repeatable); the domains of the accounts in the logs always count" };
        var fieldMap = new Option<string?>("--field-map") { Description = "Read generic JSON lines through this map (as logs scan)" };
        var noStore = new Option<bool>("--no-store") { Description = "Do not store the accounts' reports (served at /api/v1/accounts)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var format = new Option<OutputFormat>("--format", "-f")
        {
            Description = "Output format: text|json|html",
            DefaultValueFactory = _ => OutputFormat.Text,
            CustomParser = result => Enum.Parse<OutputFormat>(result.Tokens[^1].Value, ignoreCase: true),
        };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var command = new Command("audit", """
            Find the footholds a password reset leaves in place. Reads audit logs (M365 Unified Audit Log, Entra
            sign-in and audit logs, any mix), runs the built-in detections (and --rules), asks the indicator store
            about every address an account used, and for each account prints its status, footholds ("survives the
            password reset", "created after reset", "pre-existing access — review"), "access continued after reset",
            and a remediation plan: each removal with its command and confirming audit record, then revoke and verify.
            Exit code: 0 nothing compromised, 3 an account compromised, 2 records skipped, 1 failure.
            Example: rampart audit exports/ --format html -o audit.html
            """)
        { paths, rulesOption, since, internalDomains, fieldMap, noStore, output, format };
        command.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(format);
            var outputPath = parse.GetValue(output);
            var options = new FootholdAnalyzerOptions
            {
                Since = parse.GetValue(since),
                InternalDomains = parse.GetValue(internalDomains) ?? [],
            };
            var reader = new AuditLogReader(new AuditLogReaderOptions { FieldMap = LogsVerbs.ParseFieldMap(parse.GetValue(fieldMap)) });
            var supplied = LogsVerbs.LoadRules(parse.GetValue(rulesOption) ?? []);
            var files = LogsVerbs.ExpandPaths(parse.GetValue(paths)!);
            var analyzer = new FootholdAnalyzer(supplied, options);
            var problems = new List<AuditLogProblem>();
            long problemCount = 0;
            var clock = Stopwatch.StartNew();
            var showProgress = chosen == OutputFormat.Text && outputPath is null && !Console.IsErrorRedirected && !Console.IsOutputRedirected;
            LogsVerbs.Run(files, showProgress, (file, progress) =>
            {
                try
                {
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                    var count = 0;
                    foreach (var item in analyzer.AddFrom(reader, stream, file))
                    {
                        if (item.Problem is { } problem && ++problemCount <= 1000)
                        {
                            problems.Add(problem);
                        }

                        if (++count % 4096 == 0)
                        {
                            ct.ThrowIfCancellationRequested();
                            progress?.Invoke(stream.Position);
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"{file}: {ex.Message}");
                }
            });

            await using var store = await LocalStore.OpenAsync(parse, ct);
            var engine = store.Get<IndexVerdictEngine>();
            engine.Replace(IndicatorView.Of(await store.Get<IndicatorIndexLoader>().LoadAsync(ct)));
            var analysis = await analyzer.AnalyzeAsync(engine, ct);
            clock.Stop();
            if (!parse.GetValue(noStore) && analysis.Accounts.Count > 0)
            {
                await store.Get<IAccountReportStore>().SaveAsync([.. analysis.Accounts.Select(Record)], ChangeContext.ForCli(), ct);
            }

            var run = new AuditRun(files, problemCount, problems, analyzer.DroppedMatches, supplied?.Count ?? 0, clock.Elapsed);
            await AuditOutput.WriteAsync(analysis, run, chosen, outputPath, ct);
            return analysis.Accounts.Any(a => a.Status == AccountStatus.Compromised) ? ExitCompromised
                : problemCount > 0 ? ExitSkipped
                : 0;
        });
        return command;
    }

    private static AccountReportRecord Record(AccountReport report) => new(
        report.Account, report.StatusLabel, report.WindowOpened, report.LastReset, string.Join(", ", report.Actors),
        report.Footholds.Count, report.Plan.Steps.Count(s => !s.Done), JsonSerializer.Serialize(report, Json.Options), DateTimeOffset.UtcNow);
}
