using System.CommandLine;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Markings;
using Spectre.Console;

namespace Rampart.Platform;

/// <summary><c>rampart users add|set|list|passwd</c>, on the store directly (an administrator's local task).</summary>
public static class UsersVerbs
{
    public static Command Create()
    {
        var command = new Command("users", "People who sign in to the console and API");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Passwd());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name");
        var role = new Option<Role>("--role") { Description = "reader|analyst|admin", DefaultValueFactory = _ => Role.Reader };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from stdin instead of generating one" };
        var tlpMax = TlpMaxOption($"default {TlpCeilings.DefaultUser.ToWire()}");
        var command = new Command("add", """
            Add a user. A password is generated and printed once unless --password-stdin is given.
            --tlp-max is the most restricted TLP level the user receives over the API and TAXII (default amber).
            Example: rampart users add alice --role analyst --tlp-max green
            """)
        { name, role, passwordStdin, tlpMax };
        command.SetAction(async (parse, ct) =>
        {
            var ceiling = ParseTlpMax(parse.GetValue(tlpMax));
            var password = parse.GetValue(passwordStdin) ? await ReadPasswordAsync(ct) : PasswordHasher.GeneratePassword();
            await using var store = await LocalStore.OpenAsync(parse, ct);
            try
            {
                var user = await store.Get<IUserStore>().CreateAsync(parse.GetValue(name)!.Trim(), parse.GetValue(role), PasswordHasher.Hash(password), ceiling, ChangeContext.ForCli(), ct);
                Console.WriteLine($"Created {user.Role.ToString().ToLowerInvariant()} '{user.Name}' (TLP ceiling {TlpCeilings.Of(user).ToWire()}).");
                if (!parse.GetValue(passwordStdin))
                {
                    Console.WriteLine($"Password (shown once): {password}");
                }
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ex.Message);
            }

            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var name = new Argument<string>("name");
        var tlpMax = TlpMaxOption("'default' resets it to amber");
        tlpMax.Required = true;
        var command = new Command("set", """
            Change a user's TLP ceiling: the most restricted level they receive over the API and TAXII
            (their API keys never receive more). Sessions signed in already keep the old one until they sign in again.
            Example: rampart users set alice --tlp-max green
            """)
        { name, tlpMax };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(tlpMax);
            var ceiling = string.Equals(text, "default", StringComparison.OrdinalIgnoreCase) ? null : ParseTlpMax(text);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            if (!await store.Get<IUserStore>().SetTlpMaxAsync(parse.GetValue(name)!, ceiling, ChangeContext.ForCli(), ct))
            {
                throw new CliException($"no user named '{parse.GetValue(name)}'");
            }

            Console.WriteLine($"TLP ceiling of '{parse.GetValue(name)}' is {(ceiling ?? TlpCeilings.DefaultUser).ToWire()}.");
            return 0;
        });
        return command;
    }

    /// <summary>The <c>--tlp-max</c> of users and API keys.</summary>
    internal static Option<string?> TlpMaxOption(string defaultNote) =>
        new("--tlp-max") { Description = $"Most restricted TLP level received over the API and TAXII: clear|green|amber|amber+strict ({defaultNote}; RED never leaves)" };

    internal static Tlp? ParseTlpMax(string? text) =>
        text is null ? null
        : TlpCeilings.TryParse(text, out var ceiling, out var error) ? ceiling
        : throw new CliException($"--tlp-max: {error}");

    private static Command List()
    {
        var format = CliOptions.Format(rows: false);
        var command = new Command("list", "List users.\nExample: rampart users list") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var users = await store.Get<IUserStore>().ListAsync(ct);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(users, Json.Indented));
                return 0;
            }

            var table = new Table().AddColumns("Name", "Role", "TLP max", "Created", "Disabled");
            foreach (var u in users)
            {
                table.AddRow(Markup.Escape(u.Name), u.Role.ToString().ToLowerInvariant(), TlpCeilings.Of(u).ToWire(), u.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), u.Disabled ? "yes" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Passwd()
    {
        var name = new Argument<string>("name");
        var command = new Command("passwd", "Set a user's password, read from stdin.\nExample: echo 'new secret' | rampart users passwd admin") { name };
        command.SetAction(async (parse, ct) =>
        {
            var password = await ReadPasswordAsync(ct);
            await using var store = await LocalStore.OpenAsync(parse, ct);
            if (!await store.Get<IUserStore>().SetPasswordAsync(parse.GetValue(name)!, PasswordHasher.Hash(password), ChangeContext.ForCli(), ct))
            {
                throw new CliException($"no user named '{parse.GetValue(name)}'");
            }

            Console.WriteLine("Password changed.");
            return 0;
        });
        return command;
    }

    private static async Task<string> ReadPasswordAsync(CancellationToken ct)
    {
        var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') ?? "";
        return password.Length >= 12 ? password : throw new CliException("the password must have at least 12 characters");
    }
}
