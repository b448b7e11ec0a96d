using System.CommandLine;
using System.Net;
using System.Text.Json;
using Rampart.Cases.Appendix;
using Rampart.Cases.Cases;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Reports.Cases;
using Spectre.Console;

namespace Rampart.Cases;

/// <summary><c>rampart case new|list|add|show|status|pivot|export</c>: takedown cases on the store.</summary>
public static partial class CaseVerbs
{
    public static Command Create()
    {
        var command = new Command("case", "Takedown cases: domains and their evidence, pivots, status workflow, the court appendix");
        command.Subcommands.Add(New());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Pivot());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Argument<string> CaseId() => new("case") { Description = "The case id (case--…), as `rampart case new` printed it" };

    private static Command New()
    {
        var name = new Argument<string>("name") { Description = "A name for the case, e.g. \"THALLIUM 2019\"" };
        var description = new Option<string?>("--description") { Description = "What the case is about" };
        var command = new Command("new", """
            Open a draft case and print its id.
            Example: rampart case new "THALLIUM lures" --description "from the DCU report"
            """)
        { name, description };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var created = await store.Get<ICaseStore>().CreateAsync(parse.GetValue(name)!, parse.GetValue(description), ChangeContext.ForCli(), ct);
            Console.WriteLine(created.Id);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "Only cases in this status" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("list", "List cases, newest first") { status, format };
        command.SetAction(async (parse, ct) =>
        {
            CaseStatus? only = parse.GetValue(status) is { } text ? ParseStatus(text) : null;
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var cases = await store.Get<ICaseStore>().ListAsync(only is { } s ? [s] : null, ct);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(cases, Json.Indented));
                return 0;
            }

            var table = new Table().AddColumns("Case", "Name", "Status", "Last change");
            foreach (var c in cases)
            {
                table.AddRow(c.Id, Markup.Escape(c.Name), c.Status.ToWire(), AppendixBuilder.Time(c.ModifiedAt));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var id = CaseId();
        var domains = new Argument<string[]>("domains") { Description = "Domains or URLs (defanged welcome)", Arity = ArgumentArity.ZeroOrMore };
        var reason = new Option<string?>("--reason") { Description = "Why these domains belong to the case (default: by hand)" };
        var actor = new Option<string?>("--actor") { Description = "Add every domain indicator attributed to this actor (any alias)" };
        var registrar = new Option<string?>("--registrar") { Description = "Registration fact for the named domains: registrar" };
        var created = new Option<DateTimeOffset?>("--created") { Description = "Registration fact: creation date (2026-01-02)" };
        var email = new Option<string?>("--registrant-email") { Description = "Registration fact: registrant e-mail" };
        var registrant = new Option<string?>("--registrant-name") { Description = "Registration fact: registrant name or organization" };
        var note = new Option<string?>("--note") { Description = "A note about the named domains (or the whole case when none is named)" };
        var attach = new Option<FileInfo[]>("--attach") { Description = "A file to keep with its SHA-256 (screenshot, letter); repeatable" };
        var fromHunt = new Option<FileInfo?>("--from-hunt") { Description = "Add the hits of `rampart hunt --format jsonl`, each with its lookalike explanation as the reason" };
        var resolver = new Option<string?>("--dns") { Description = "Capture A/AAAA/NS/MX/SOA of each named domain through this resolver (IP or IP:port); the answer is kept raw" };
        var command = new Command("add", """
            Add domains and evidence to a case. Each new domain gets what the platform knows about it as
            evidence (indicators, sightings, attribution, the lookalike explanation).
            Examples:
              rampart case add case--… hotrnall[.]com hanrnaii.net --reason "DCU report, appendix A"
              rampart case add case--… --actor THALLIUM
              rampart case add case--… hotrnall.com --registrar NameCheap --created 2026-01-02 --registrant-email kim@x.example
              rampart case add case--… hotrnall.com --dns 127.0.0.1:53 --attach login-page.png
              rampart hunt new-domains.txt --format jsonl > hits.jsonl && rampart case add case--… --from-hunt hits.jsonl
            """)
        { id, domains, reason, actor, registrar, created, email, registrant, note, attach, fromHunt, resolver };
        command.SetAction(async (parse, ct) =>
        {
            var caseId = parse.GetValue(id)!;
            var context = ChangeContext.ForCli();
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var service = store.Get<CaseService>();
            var now = store.Get<TimeProvider>().GetUtcNow();
            var (named, errors) = CaseDomainNames.Normalize(parse.GetValue(domains) ?? []);
            if (errors.Count > 0)
            {
                throw new CliException("not domains, nothing added:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            }

            var added = new List<string>();
            if (named.Count > 0)
            {
                added.AddRange((await service.AddDomainsAsync(caseId, named, parse.GetValue(reason) ?? "by hand", context, ct) ?? throw NoCase(caseId)).Added);
            }

            if (parse.GetValue(fromHunt) is { } huntFile)
            {
                added.AddRange(await AddHuntHitsAsync(service, caseId, huntFile, context, ct));
            }

            if (parse.GetValue(actor) is { } actorName)
            {
                var found = await store.Get<IActorStore>().FindByNameAsync(actorName, ct);
                if (found.Count != 1)
                {
                    throw new CliException(found.Count == 0 ? $"no actor is named '{actorName}'" : $"'{actorName}' names {found.Count} actors: {string.Join(", ", found.Select(a => a.Name))}");
                }

                added.AddRange((await service.AddActorDomainsAsync(caseId, found[0].Id, found[0].Name, context, ct) ?? throw NoCase(caseId)).Added);
            }

            var evidence = new List<NewEvidence>();
            var facts = new RegistrationFacts(parse.GetValue(registrar), parse.GetValue(created), parse.GetValue(email), parse.GetValue(registrant));
            if (facts != new RegistrationFacts(null, null, null, null))
            {
                evidence.AddRange(RequireNamed(named, "registration facts").Select(d => facts.ToEvidence(d, context.Who, now)));
            }

            if (parse.GetValue(note) is { } text)
            {
                evidence.AddRange(named.Count == 0 ? [new NewEvidence(null, EvidenceKind.Note, now, context.Who, text)] : named.Select(d => new NewEvidence(d, EvidenceKind.Note, now, context.Who, text)));
            }

            foreach (var file in parse.GetValue(attach) ?? [])
            {
                var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
                evidence.AddRange(named.Count == 0
                    ? [new NewEvidence(null, EvidenceKind.Attachment, now, context.Who, file.Name, FileName: file.Name, Content: bytes)]
                    : named.Select(d => new NewEvidence(d, EvidenceKind.Attachment, now, context.Who, file.Name, FileName: file.Name, Content: bytes)));
            }

            if (parse.GetValue(resolver) is { } resolverText)
            {
                var capture = new DnsCapture(ParseResolver(resolverText), store.Get<TimeProvider>());
                foreach (var domain in RequireNamed(named, "--dns"))
                {
                    evidence.Add(await capture.CaptureAsync(domain, ct));
                }
            }

            if (evidence.Count > 0)
            {
                try
                {
                    _ = await store.Get<ICaseStore>().AddEvidenceAsync(caseId, evidence, context, ct) ?? throw NoCase(caseId);
                }
                catch (ArgumentException ex)
                {
                    throw new CliException(ex.Message);
                }
            }

            Console.WriteLine($"added {added.Count} domains{(added.Count > 0 ? ": " + string.Join(", ", added) : "")}; {evidence.Count} pieces of evidence");
            foreach (var item in evidence)
            {
                Console.WriteLine($"  {item.Kind.ToWire()} {item.Domain ?? "(case)"}: {item.Summary} sha256={item.Sha256()}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Each hit joins with its own reason; lines that are not hits are reported and skipped.</summary>
    private static async Task<IReadOnlyList<string>> AddHuntHitsAsync(CaseService service, string caseId, FileInfo file, ChangeContext context, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliException($"--from-hunt: no file '{file.FullName}'");
        }

        var hits = HuntResults.Read(await File.ReadAllTextAsync(file.FullName, ct), file.FullName, out var errors);
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync($"skipped {error}");
        }

        if (hits.Count == 0)
        {
            throw new CliException($"--from-hunt: no hunt hits in '{file.FullName}'");
        }

        var added = new List<string>();
        foreach (var hit in hits)
        {
            var (named, refused) = CaseDomainNames.Normalize([hit.Host]);
            if (refused.Count > 0)
            {
                await Console.Error.WriteLineAsync($"skipped {file.FullName}:{hit.Line}: host: {string.Join("; ", refused)}");
                continue;
            }

            added.AddRange((await service.AddDomainsAsync(caseId, named, hit.Reason, context, ct) ?? throw NoCase(caseId)).Added);
        }

        return added;
    }

    private static Command Show()
    {
        var id = CaseId();
        var format = CliOptions.Format(rows: false);
        var command = new Command("show", "Show a case: status, domains with their reasons, evidence, history") { id, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var detail = await store.Get<ICaseStore>().GetDetailAsync(parse.GetValue(id)!, ct) ?? throw NoCase(parse.GetValue(id)!);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(detail, Json.Indented));
                return 0;
            }

            var c = detail.Case;
            Console.WriteLine($"{c.Id}  {c.Name}");
            Console.WriteLine($"status {c.Status.ToWire()}; opened {AppendixBuilder.Time(c.CreatedAt)} by {c.CreatedBy}; last change {AppendixBuilder.Time(c.ModifiedAt)}");
            var table = new Table().AddColumns("Domain", "Added", "Reason", "Evidence");
            foreach (var d in detail.Domains)
            {
                table.AddRow(Markup.Escape(d.Domain), $"{AppendixBuilder.Time(d.AddedAt)} by {Markup.Escape(d.AddedBy)}", Markup.Escape(d.Reason),
                    Markup.Escape(string.Join(Environment.NewLine, detail.Evidence.Where(e => e.Domain == d.Domain).Select(e => $"{e.Kind.ToWire()}: {e.Summary}"))));
            }

            AnsiConsole.Write(table);
            foreach (var change in detail.History)
            {
                Console.WriteLine($"{AppendixBuilder.Time(change.At)} {change.Who}: {change.From?.ToWire() ?? "(new)"} -> {change.To.ToWire()}{(change.Note is null ? "" : ": " + change.Note)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Status()
    {
        var id = CaseId();
        var status = new Argument<string>("status") { Description = "filed, granted, seized, sinkholed or released (one step at a time)" };
        var note = new Option<string?>("--note") { Description = "Why: a docket number, the order's date" };
        var command = new Command("status", """
            Move a case one step: draft -> filed -> granted -> seized -> sinkholed -> released.
            Only seized and sinkholed cases are ever published (RPZ, sinkhole). Other moves are refused (exit 1).
            Example: rampart case status case--… filed --note "docket 1:19-cv-1582"
            """)
        { id, status, note };
        command.SetAction(async (parse, ct) =>
        {
            var to = ParseStatus(parse.GetValue(status)!);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var result = await store.Get<ICaseStore>().SetStatusAsync(parse.GetValue(id)!, to, parse.GetValue(note), ChangeContext.ForCli(), ct);
            if (result.Outcome != StatusChangeOutcome.Changed)
            {
                throw new CliException($"{parse.GetValue(id)}: {result.Describe()}");
            }

            Console.WriteLine($"{parse.GetValue(id)}: {result.Current?.ToWire()} -> {to.ToWire()}");
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var id = CaseId();
        var format = new Option<string>("--format", "-f") { Description = "csv or html", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var command = new Command("export", """
            The court appendix: one row per domain with its evidence, capture times and hashes. The HTML
            page is self-contained (no network request) and prints the SHA-256 of the CSV. An unchanged
            case exports the same bytes every time.
            Example: rampart case export case--… -f csv -o appendix.csv && rampart case export case--… -f html -o appendix.html
            """)
        { id, format, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var detail = await store.Get<ICaseStore>().GetDetailAsync(parse.GetValue(id)!, ct) ?? throw NoCase(parse.GetValue(id)!);
            var appendix = AppendixBuilder.Build(detail);
            var text = parse.GetValue(format) == "html" ? await CaseAppendixHtml.RenderAsync(appendix) : appendix.Csv;
            await WriteAsync(parse.GetValue(output), text, ct);
            if (parse.GetValue(output) is not null)
            {
                Console.Error.WriteLine($"csv sha256 {appendix.CsvSha256}");
            }

            return 0;
        });
        return command;
    }

    internal static async Task WriteAsync(string? path, string text, CancellationToken ct)
    {
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        if (path is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes, ct);
            return;
        }

        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        File.Move(temporary, path, overwrite: true);
    }

    private static IReadOnlyList<string> RequireNamed(IReadOnlyList<string> named, string what) =>
        named.Count > 0 ? named : throw new CliException($"{what} need the domains they are about: name them after the case id");

    private static CaseStatus ParseStatus(string text) =>
        CaseStatuses.TryParse(text, out var status) ? status : throw new CliException($"'{text}' is not a status: {string.Join(", ", CaseStatuses.All.Select(s => s.ToWire()))}");

    private static IPEndPoint ParseResolver(string text) =>
        IPEndPoint.TryParse(text, out var endpoint) ? (endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint)
            : throw new CliException($"--dns: '{text}' is not an IP address or IP:port");

    private static CliException NoCase(string id) => new($"no case {id} (see `rampart case list`)");
}
