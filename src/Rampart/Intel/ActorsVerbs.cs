using System.CommandLine;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Text;
using Rampart.Intel.Attack;
using Spectre.Console;

namespace Rampart.Intel;

/// <summary><c>rampart actors show|list</c>: the actor knowledge base, by any alias.</summary>
public static class ActorsVerbs
{
    public static Command Create()
    {
        var command = new Command("actors", "Threat actors known by every alias (THALLIUM = Kimsuky = Emerald Sleet …)");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("name") { Description = "Any name of the actor, any case" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("show", """
            Show the actor with this name: all its names with their sources, country, ATT&CK id, related actors.
            A name that belongs to several actors lists the candidates.
            Example: rampart actors show "emerald sleet"
            """)
        { name, format };
        command.SetAction(async (parse, ct) =>
        {
            var query = parse.GetValue(name)!;
            var actors = await FindAsync(parse, query, ct);
            if (actors.Count == 0)
            {
                throw new CliException($"no actor is named '{query}' (try `rampart actors list`)");
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(actors, Json.Indented));
                return 0;
            }

            if (actors.Count > 1)
            {
                AnsiConsole.MarkupLine($"[yellow]'{Markup.Escape(query)}' names {actors.Count} actors:[/]");
                PrintTable(actors);
                return 0;
            }

            PrintOne(actors[0]);
            if (ApiClient.FromOptions(parse) is null)
            {
                await using var store = await LocalStore.OpenAsync(parse, ct);
                PrintAttack(await store.Get<ActorAttackProfiles>().ForAsync(actors[0], ct));
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var country = new Option<string?>("--country") { Description = "ISO 3166 two-letter code of the suspected sponsor, e.g. KP" };
        var format = CliOptions.Format(rows: true);
        var command = new Command("list", """
            List actors, optionally by country.
            Example: rampart actors list --country KP
            """)
        { country, format };
        command.SetAction(async (parse, ct) =>
        {
            var code = parse.GetValue(country)?.Trim().ToUpperInvariant();
            var actors = await ListAsync(parse, code, ct);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.WriteLine(JsonSerializer.Serialize(actors, Json.Indented));
                    break;
                case OutputFormat.Jsonl:
                    foreach (var actor in actors)
                    {
                        Console.WriteLine(JsonSerializer.Serialize(actor, Json.Options));
                    }

                    break;
                case OutputFormat.Csv:
                    Console.WriteLine(Csv.Line("id", "name", "country", "attack_id", "aliases"));
                    foreach (var a in actors)
                    {
                        Console.WriteLine(Csv.Line(a.Id, a.Name, a.Country, a.AttackId, string.Join("; ", a.Aliases.Select(x => x.Name).Distinct(StringComparer.OrdinalIgnoreCase))));
                    }

                    break;
                case OutputFormat.Text:
                    PrintTable(actors);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static async Task<IReadOnlyList<Actor>> FindAsync(ParseResult parse, string name, CancellationToken ct)
    {
        using var api = ApiClient.FromOptions(parse);
        if (api is not null)
        {
            return await api.GetAsync<Actor[]>($"api/v1/actors?name={Uri.EscapeDataString(name)}", ct);
        }

        await using var store = await LocalStore.OpenAsync(parse, ct);
        return await store.Get<IActorStore>().FindByNameAsync(name, ct);
    }

    private static async Task<IReadOnlyList<Actor>> ListAsync(ParseResult parse, string? country, CancellationToken ct)
    {
        using var api = ApiClient.FromOptions(parse);
        if (api is not null)
        {
            return await api.GetAsync<Actor[]>(country is null ? "api/v1/actors" : $"api/v1/actors?country={Uri.EscapeDataString(country)}", ct);
        }

        await using var store = await LocalStore.OpenAsync(parse, ct);
        return await store.Get<IActorStore>().ListAsync(country, ct);
    }

    private static void PrintOne(Actor actor)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Name[/]", Markup.Escape(actor.Name));
        grid.AddRow("Id", Markup.Escape(actor.Id));
        grid.AddRow("Country", Markup.Escape(actor.Country ?? "unknown"));
        grid.AddRow("ATT&CK", Markup.Escape(actor.AttackId ?? "none"));
        grid.AddRow("Names", Markup.Escape(string.Join(Environment.NewLine, actor.Aliases
            .GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => $"{g.Key}  ({string.Join(", ", g.Select(a => a.Source).Distinct(StringComparer.Ordinal))})"))));
        if (actor.Related.Count > 0)
        {
            grid.AddRow("Related", Markup.Escape(string.Join(", ", actor.Related)));
        }

        grid.AddRow("Sources", Markup.Escape(string.Join(Environment.NewLine, actor.Sources)));
        AnsiConsole.Write(grid);
    }

    /// <summary>Techniques by tactic from the imported ATT&amp;CK bundles (`rampart intel import enterprise-attack.json`).</summary>
    private static void PrintAttack(ActorAttackProfile profile)
    {
        if (profile.Techniques.Count == 0 && profile.Software.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLine($"[bold]ATT&CK[/] ({Markup.Escape(string.Join(", ", profile.Groups))}): {profile.Techniques.Count} techniques");
        var table = new Table().AddColumns("Tactic", "Techniques");
        foreach (var (tactic, techniques) in profile.ByTactic)
        {
            table.AddRow(Markup.Escape(tactic), Markup.Escape(string.Join(Environment.NewLine, techniques.Select(t => t.ToString()))));
        }

        AnsiConsole.Write(table);
        if (profile.Software.Count > 0)
        {
            AnsiConsole.MarkupLine($"Software: {Markup.Escape(string.Join(", ", profile.Software))}");
        }
    }

    private static void PrintTable(IReadOnlyList<Actor> actors)
    {
        var table = new Table().AddColumns("Name", "Country", "ATT&CK", "Also known as");
        foreach (var a in actors)
        {
            var aliases = a.Aliases.Select(x => x.Name).Where(n => !n.Equals(a.Name, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            table.AddRow(
                Markup.Escape(a.Name),
                Markup.Escape(a.Country ?? ""),
                Markup.Escape(a.AttackId ?? ""),
                Markup.Escape(string.Join(", ", aliases.Take(8)) + (aliases.Length > 8 ? $" (+{aliases.Length - 8})" : "")));
        }

        AnsiConsole.Write(table);
    }
}
