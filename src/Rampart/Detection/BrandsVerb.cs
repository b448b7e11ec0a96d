using System.CommandLine;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Allowlists;
using Rampart.Core.Names;
using Rampart.Detection.Lookalikes;
using Spectre.Console;

namespace Rampart.Detection;

/// <summary>
/// <c>rampart brands list|add|show</c>: the protected brands. Defaults ship with Rampart; a user's
/// own brands are kept in <c>brands.json</c> in the data folder and used by <c>hunt</c>.
/// </summary>
public static class BrandsVerb
{
    private const string FileName = "brands.json";

    public static Command Create()
    {
        var command = new Command("brands", "The brands lookalike screening protects: the defaults and your own");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Show());
        return command;
    }

    /// <summary>Reads a brands file; a missing file is no brands, a broken one a clear error.</summary>
    public static IReadOnlyList<Brand> ReadBrandsFile(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var stream = File.OpenRead(path);
            return BrandCatalog.Read(stream);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{path}: not a brands file: {ex.Message}");
        }
    }

    private static Command List()
    {
        var format = CliOptions.Format(rows: false);
        var command = new Command("list", "List the protected brands") { format };
        command.SetAction(parse =>
        {
            var (defaults, user) = Load(parse);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(defaults.Concat(user), Json.Indented));
                return 0;
            }

            var table = new Table().AddColumns("Brand", "Origin", "Names", "Own domains");
            foreach (var (brand, origin) in defaults.Select(b => (b, "default")).Concat(user.Select(b => (b, "yours"))))
            {
                table.AddRow(Markup.Escape(brand.Name), origin, Markup.Escape(string.Join(", ", brand.Names.Select(n => n.Label))), brand.Domains.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("name") { Description = "Brand name, e.g. Microsoft" };
        var command = new Command("show", "Show one brand: its names, keywords and own domains") { name };
        command.SetAction(parse =>
        {
            var (defaults, user) = Load(parse);
            var brand = defaults.Concat(user).FirstOrDefault(b => string.Equals(b.Name, parse.GetValue(name), StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException($"no brand named '{parse.GetValue(name)}'; see rampart brands list");
            Console.WriteLine(JsonSerializer.Serialize(brand, Json.Indented));
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "Brand name, e.g. \"Example Think Tank\"" };
        var domains = new Option<string[]>("--domain") { Description = "A domain the brand owns (repeatable); the first one's label is protected as a name", Arity = ArgumentArity.OneOrMore, Required = true };
        var labels = new Option<string[]>("--name") { Description = "Another name to protect, as it appears in a label (repeatable), e.g. thinktank" };
        var keywords = new Option<string[]>("--keyword") { Description = "A word that stands for the brand only next to credential wording (repeatable)" };
        var command = new Command("add", """
            Protect your own organization: lookalikes of its names are flagged, its own domains never are.
            Example: rampart brands add "Example Think Tank" --domain thinktank.org --domain thinktank-mail.org --name thinktank
            """)
        { name, domains, labels, keywords };
        command.SetAction(parse =>
        {
            var ownDomains = new List<string>();
            foreach (var raw in parse.GetValue(domains)!)
            {
                if (!DomainNames.TryToAscii(raw, out var ascii, out var problem) || !PublicSuffixList.Default.Split(ascii).HasRegistrable)
                {
                    throw new CliException($"--domain {raw}: not a registrable domain{(problem.Error == DomainNameError.None ? "" : ": " + problem.Describe())}");
                }

                ownDomains.Add(ascii);
            }

            var names = ownDomains.Select(d => new BrandName(PublicSuffixList.Default.Split(d).Label(d).ToString(), d))
                .Concat((parse.GetValue(labels) ?? []).Select(l => new BrandName(l.ToLowerInvariant(), ownDomains[0])))
                .DistinctBy(n => n.Label).ToArray();
            var brand = new Brand(parse.GetValue(name)!, names, parse.GetValue(keywords) ?? [], ownDomains);
            var path = PathIn(parse);
            var user = ReadBrandsFile(path).Where(b => !string.Equals(b.Name, brand.Name, StringComparison.OrdinalIgnoreCase)).Append(brand).ToArray();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            using (var stream = File.Create(temporary))
            {
                BrandCatalog.Write(stream, user);
            }

            File.Move(temporary, path, overwrite: true);
            Console.WriteLine($"protecting {brand.Name}: names {string.Join(", ", names.Select(n => n.Label))}; own domains {string.Join(", ", ownDomains)}");
            return 0;
        });
        return command;
    }

    private static (IReadOnlyList<Brand> Defaults, IReadOnlyList<Brand> User) Load(ParseResult parse) =>
        (BrandCatalog.Defaults(AllowlistRegistry.Default), ReadBrandsFile(PathIn(parse)));

    /// <summary>The user's brands file in the data folder; hunt reads it too.</summary>
    public static string PathIn(ParseResult parse) => Path.Combine(parse.GetValue(CliOptions.Data)!, FileName);
}
