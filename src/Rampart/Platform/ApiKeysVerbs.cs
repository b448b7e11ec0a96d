using System.CommandLine;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Markings;
using Spectre.Console;

namespace Rampart.Platform;

/// <summary><c>rampart apikeys create|list|revoke</c>: keys for scripts and <c>--server</c>.</summary>
public static class ApiKeysVerbs
{
    public static Command Create()
    {
        var command = new Command("apikeys", "API keys for scripts and other tools (Authorization: Bearer …)");
        command.Subcommands.Add(New());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command New()
    {
        var user = new Option<string>("--user") { Description = "The user the key acts as (its role applies)", DefaultValueFactory = _ => "admin" };
        var name = new Option<string>("--name") { Description = "A label to recognize the key by", DefaultValueFactory = _ => "cli" };
        var tlpMax = UsersVerbs.TlpMaxOption($"default {TlpCeilings.DefaultApiKey.ToWire()}, never above the user's");
        var command = new Command("create", """
            Create an API key. The key is printed once; only its hash is stored. --tlp-max is the most
            restricted TLP level the key receives (default green; never more than its user's ceiling).
            Example: export RAMPART_API_KEY=$(rampart apikeys create --user alice --name siem --tlp-max green)
            """)
        { user, name, tlpMax };
        command.SetAction(async (parse, ct) =>
        {
            var ceiling = UsersVerbs.ParseTlpMax(parse.GetValue(tlpMax));
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var owner = await store.Get<IUserStore>().FindWithHashAsync(parse.GetValue(user)!, ct)
                ?? throw new CliException($"no user named '{parse.GetValue(user)}' (add one with `rampart users add`)");
            var (token, keyId, hash) = ApiKeyToken.Generate();
            var key = await store.Get<IApiKeyStore>().CreateAsync(owner.User.Id, parse.GetValue(name)!, keyId, hash, ceiling, ChangeContext.ForCli(), ct);
            Console.Error.WriteLine($"Created key {keyId} for '{owner.User.Name}' ({owner.User.Role.ToString().ToLowerInvariant()}, TLP ceiling {TlpCeilings.Of(owner.User, key).ToWire()}); it is shown only this once:");
            Console.WriteLine(token);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var format = CliOptions.Format(rows: false);
        var command = new Command("list", "List API keys (never their secrets).\nExample: rampart apikeys list") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var keys = await store.Get<IApiKeyStore>().ListAsync(null, ct);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(keys, Json.Indented));
                return 0;
            }

            var table = new Table().AddColumns("Key id", "Name", "User id", "TLP max", "Created", "Revoked");
            foreach (var k in keys)
            {
                table.AddRow(k.KeyId, Markup.Escape(k.Name), Markup.Escape(k.UserId), (k.TlpMax ?? TlpCeilings.DefaultApiKey).ToWire(), k.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), k.Revoked ? "yes" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var keyId = new Argument<string>("key-id");
        var command = new Command("revoke", "Revoke an API key at once.\nExample: rampart apikeys revoke 3f2a9c0d1e4b5a6f") { keyId };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            if (!await store.Get<IApiKeyStore>().RevokeAsync(parse.GetValue(keyId)!, ChangeContext.ForCli(), ct))
            {
                throw new CliException($"no API key with id '{parse.GetValue(keyId)}'");
            }

            Console.WriteLine("Revoked.");
            return 0;
        });
        return command;
    }
}
