using System.CommandLine;
using System.Text.Json;
using Rampart.Cases.Cases;
using Rampart.Cases.Pivots;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Spectre.Console;

namespace Rampart.Cases;

public static partial class CaseVerbs
{
    private static Command Pivot()
    {
        var id = CaseId();
        var whois = new Option<FileInfo[]>("--whois") { Description = "Import WHOIS records first (CSV with a header, JSON array or JSON lines); repeatable" };
        var pdns = new Option<FileInfo[]>("--pdns") { Description = "Import passive DNS first (JSON lines: rrname, rrtype, rdata, time_first, time_last); repeatable" };
        var certs = new Option<FileInfo[]>("--certs") { Description = "Import certificate names first (one certificate's names per line, or crt.sh JSON); repeatable" };
        var add = new Option<string[]>("--add") { Description = "Add these candidates to the case with their reasons (all: every candidate)", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        var repeat = new Option<bool>("--until-done") { Description = "With --add all: pivot again from what was added until nothing new comes" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("pivot", """
            List the siblings of the case's domains in the imported data: same registrant e-mail or name,
            same name servers (large shared providers excluded), same IPs in the same period, same
            certificate, same naming pattern. Each candidate shows the shared attribute and a count.
            Bad records in an imported file are reported with file:line and skipped.
            Examples:
              rampart case pivot case--… --whois whois.csv --pdns pdns.jsonl --certs ct.txt
              rampart case pivot case--… --add all --until-done
            """)
        { id, whois, pdns, certs, add, repeat, format };
        command.SetAction(async (parse, ct) =>
        {
            var caseId = parse.GetValue(id)!;
            var context = ChangeContext.ForCli();
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var imported = new List<PivotFact>();
            var problems = 0;
            foreach (var (files, kind) in new[] { (parse.GetValue(whois), PivotDataFormat.Whois), (parse.GetValue(pdns), PivotDataFormat.PassiveDns), (parse.GetValue(certs), PivotDataFormat.Certificates) })
            {
                foreach (var file in files ?? [])
                {
                    if (!file.Exists)
                    {
                        throw new CliException($"{file.FullName}: no such file");
                    }

                    using var reader = file.OpenText();
                    var result = PivotDataReader.Read(kind, reader, file.Name);
                    foreach (var error in result.Errors)
                    {
                        Console.Error.WriteLine(error);
                    }

                    problems += result.Errors.Count;
                    imported.AddRange(result.Facts);
                }
            }

            if (imported.Count > 0)
            {
                var changed = await store.Get<IPivotFactStore>().ImportAsync(imported, context, ct);
                Console.Error.WriteLine($"imported {imported.Count} facts ({changed} new or widened){(problems > 0 ? $"; {problems} records skipped" : "")}");
            }

            var service = store.Get<CaseService>();
            var chosen = parse.GetValue(add) ?? [];
            var candidates = await service.PivotAsync(caseId, null, ct) ?? throw NoCase(caseId);
            if (chosen.Length == 0)
            {
                Print(candidates, parse.GetValue(format));
                return 0;
            }

            var all = chosen.Any(c => string.Equals(c, "all", StringComparison.OrdinalIgnoreCase));
            var total = 0;
            while (true)
            {
                var picked = all ? candidates : [.. candidates.Where(c => chosen.Contains(c.Domain, StringComparer.OrdinalIgnoreCase))];
                var added = (await service.AddCandidatesAsync(caseId, picked, store.Get<TimeProvider>().GetUtcNow(), context, ct))?.Added ?? [];
                foreach (var candidate in picked.Where(c => added.Contains(c.Domain)))
                {
                    Console.WriteLine($"added {candidate.Domain}: {candidate.Describe()}");
                }

                total += added.Count;
                if (!all || !parse.GetValue(repeat) || added.Count == 0)
                {
                    break;
                }

                candidates = await service.PivotAsync(caseId, null, ct) ?? [];
            }

            Console.WriteLine($"{total} domains added");
            return 0;
        });
        return command;
    }

    private static void Print(IReadOnlyList<PivotCandidate> candidates, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(candidates, Json.Indented));
            return;
        }

        if (candidates.Count == 0)
        {
            Console.WriteLine("no candidates");
            return;
        }

        var table = new Table().AddColumns("Candidate", "Shared with the case", "Domains sharing it");
        foreach (var candidate in candidates)
        {
            table.AddRow(
                Markup.Escape(candidate.Domain),
                Markup.Escape(string.Join(Environment.NewLine, candidate.Reasons.Select(r => $"{r.Kind.Describe()} {r.Value} as {r.Seed}"))),
                string.Join(Environment.NewLine, candidate.Reasons.Select(r => r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        AnsiConsole.Write(table);
    }
}
