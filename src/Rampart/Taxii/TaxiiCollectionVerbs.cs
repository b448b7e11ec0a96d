using System.CommandLine;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Identity;
using Rampart.Core.Markings;
using Rampart.Server.Taxii;
using Rampart.Taxii.Collections;
using Spectre.Console;

namespace Rampart.Taxii;

/// <summary>
/// <c>rampart taxii collection new|list|grant|revoke</c>: what the TAXII server offers and to whom, on
/// the store directly (an administrator's task; <c>serve</c> sees the change at once).
/// </summary>
public static class TaxiiCollectionVerbs
{
    public static Command Create()
    {
        var collection = new Command("collection", "TAXII 2.1 collections: define them, list them, grant and revoke access");
        collection.Subcommands.Add(New());
        collection.Subcommands.Add(List());
        collection.Subcommands.Add(Grant());
        collection.Subcommands.Add(Revoke());
        var command = new Command("taxii", "The TAXII 2.1 server's collections and who may use them (pull and push are under `rampart intel`)");
        command.Subcommands.Add(collection);
        return command;
    }

    private static Argument<string> CollectionArgument() => new("collection") { Description = "The collection's id or alias" };

    private static Command New()
    {
        var title = new Argument<string>("title") { Description = "The title clients see" };
        var kind = new Option<string>("--kind") { Description = TaxiiCollectionDefinitions.Kinds, Required = true };
        var argument = new Option<string?>("--of") { Description = "What the kind needs: an actor name (actor), a TLP level (tlp), a case id (case)" };
        var ceiling = new Option<string?>("--ceiling") { Description = "The highest TLP level served through it: clear, green, amber, amber+strict (default)" };
        var alias = new Option<string?>("--alias") { Description = "A short unique name for the collection" };
        var description = new Option<string?>("--description") { Description = "What clients read about it" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("new", """
            Define a collection and print its id. Views serve what Rampart holds (every object, indicators, an
            actor's indicators, one TLP level, a takedown case's infrastructure); an inbox takes what clients add.
            Nobody but admins can use it until it is granted.
            Examples:
              rampart taxii collection new "THALLIUM indicators" --kind actor --of THALLIUM --ceiling green
              rampart taxii collection new "Seized lures" --kind case --of case--4b1… --alias seized
              rampart taxii collection new "Partner inbox" --kind inbox
            """)
        { title, kind, argument, ceiling, alias, description, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var taxii = store.Get<ITaxiiStore>();
            var definitions = new TaxiiCollectionDefinitions(store.Get<IActorStore>(), store.Get<ICaseStore>(), taxii);
            var (collection, error) = await definitions.DefineAsync(
                parse.GetValue(title), parse.GetValue(description), parse.GetValue(alias), parse.GetValue(kind), parse.GetValue(argument), parse.GetValue(ceiling), ct);
            if (collection is null)
            {
                // The fields as this verb names them.
                throw new CliException(error!.Replace("argument:", "--of:", StringComparison.Ordinal).Replace("kind:", "--kind:", StringComparison.Ordinal)
                    .Replace("ceiling:", "--ceiling:", StringComparison.Ordinal).Replace("alias:", "--alias:", StringComparison.Ordinal));
            }

            await taxii.CreateCollectionAsync(collection, ChangeContext.ForCli(), ct);
            Console.WriteLine(parse.GetValue(format) == OutputFormat.Json
                ? JsonSerializer.Serialize(collection, Json.Indented)
                : $"{collection.Id}{Environment.NewLine}objects at {TaxiiOptions.ApiRootPath}collections/{collection.Id}/objects/ once granted: rampart taxii collection grant {collection.Alias ?? collection.Id} USER --read");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var format = CliOptions.Format(rows: false);
        var command = new Command("list", "List collections with what they serve and who may use them.\nExample: rampart taxii collection list") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var taxii = store.Get<ITaxiiStore>();
            var collections = await taxii.ListCollectionsAsync(ct);
            var grants = (await taxii.ListGrantsAsync(ct)).ToLookup(g => g.CollectionId);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(collections.Select(c => new { collection = c, grants = grants[c.Id].ToList() }), Json.Indented));
                return 0;
            }

            var table = new Table().AddColumns("Id", "Alias", "Title", "Serves", "Ceiling", "Grants");
            foreach (var c in collections)
            {
                var serves = c.Argument is null ? c.Kind.ToString().ToLowerInvariant() : $"{c.Kind.ToString().ToLowerInvariant()} {c.Argument}";
                var who = string.Join(Environment.NewLine, grants[c.Id].Select(g => $"{g.Grantee} {(g.CanRead ? "r" : "")}{(g.CanWrite ? "w" : "")} {g.Clearance.ToWire()}"));
                table.AddRow(c.Id, Markup.Escape(c.Alias ?? ""), Markup.Escape(c.Title), Markup.Escape(serves), c.Ceiling.ToWire(), Markup.Escape(who));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Grant()
    {
        var collection = CollectionArgument();
        var grantee = new Argument<string>("user") { Description = "A user name (API keys act as their user), or * for every signed-in user" };
        var read = new Option<bool>("--read") { Description = "May read objects (can_read)" };
        var write = new Option<bool>("--write") { Description = "May add objects (can_write; inboxes only); deleting needs --read too (§5.7)" };
        var clearance = new Option<string?>("--clearance") { Description = "The highest TLP level served to them here: clear, green (default), amber, amber+strict" };
        var command = new Command("grant", """
            Give a user (or everyone, *) rights on a collection, replacing what they had there.
            Examples:
              rampart taxii collection grant seized cert-partner --read --clearance amber
              rampart taxii collection grant 2b1c… vendor --read --write
            """)
        { collection, grantee, read, write, clearance };
        command.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(read) && !parse.GetValue(write))
            {
                throw new CliException("a grant gives --read, --write or both (to take rights away: rampart taxii collection revoke)");
            }

            await using var store = await LocalStore.OpenAsync(parse, ct);
            var taxii = store.Get<ITaxiiStore>();
            var target = await FindAsync(taxii, parse.GetValue(collection)!, ct);
            if (parse.GetValue(write) && !target.Writable)
            {
                throw new CliException($"--write: '{target.Title}' is a {target.Kind.ToString().ToLowerInvariant()} view of what Rampart holds; only inbox collections take objects");
            }

            var name = parse.GetValue(grantee)!.Trim();
            if (name != TaxiiGrant.Everyone && await store.Get<IUserStore>().FindWithHashAsync(name, ct) is null)
            {
                throw new CliException($"no user '{name}' (rampart users list; * grants every signed-in user)");
            }

            var (grant, error) = TaxiiCollectionDefinitions.Grant(target.Id, name, parse.GetValue(read), parse.GetValue(write), parse.GetValue(clearance));
            if (grant is null)
            {
                throw new CliException(error!.Replace("clearance:", "--clearance:", StringComparison.Ordinal));
            }

            await taxii.GrantAsync(grant, ChangeContext.ForCli(), ct);
            var ceiling = (Tlp)Math.Min((int)grant.Clearance, (int)target.Ceiling);
            Console.WriteLine($"{grant.Grantee} may {(grant.CanRead && grant.CanWrite ? "read and write" : grant.CanRead ? "read" : "write")} '{target.Title}', up to TLP:{ceiling.ToWire().ToUpperInvariant()}{(ceiling < grant.Clearance ? " (the collection's ceiling)" : "")}");
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var collection = CollectionArgument();
        var grantee = new Argument<string>("user") { Description = "The user name (or *) the grant names" };
        var command = new Command("revoke", "Take a user's rights on a collection away.\nExample: rampart taxii collection revoke seized cert-partner") { collection, grantee };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var taxii = store.Get<ITaxiiStore>();
            var target = await FindAsync(taxii, parse.GetValue(collection)!, ct);
            var name = parse.GetValue(grantee)!.Trim();
            if (!await taxii.RevokeAsync(target.Id, name, ChangeContext.ForCli(), ct))
            {
                throw new CliException($"'{name}' has no grant on '{target.Title}' ({target.Id})");
            }

            Console.WriteLine($"{name} may no longer use '{target.Title}'");
            return 0;
        });
        return command;
    }

    private static async Task<TaxiiCollection> FindAsync(ITaxiiStore taxii, string idOrAlias, CancellationToken cancellationToken) =>
        await taxii.GetCollectionAsync(idOrAlias, cancellationToken)
        ?? (await taxii.ListCollectionsAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Alias, idOrAlias, StringComparison.OrdinalIgnoreCase))
        ?? throw new CliException($"no collection '{idOrAlias}' (rampart taxii collection list)");
}
