using System.CommandLine;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Spectre.Console;

namespace Rampart.Platform;

/// <summary><c>rampart users add|list|passwd</c>, on the store directly (an administrator's local task).</summary>
public static class UsersVerbs
{
    public static Command Create()
    {
        var command = new Command("users", "People who sign in to the console and API");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Passwd());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name");
        var role = new Option<Role>("--role") { Description = "reader|analyst|admin", DefaultValueFactory = _ => Role.Reader };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from stdin instead of generating one" };
        var command = new Command("add", """
            Add a user. A password is generated and printed once unless --password-stdin is given.
            Example: rampart users add alice --role analyst
            """)
        { name, role, passwordStdin };
        command.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(passwordStdin) ? await ReadPasswordAsync(ct) : PasswordHasher.GeneratePassword();
            await using var store = await LocalStore.OpenAsync(parse, ct);
            try
            {
                var user = await store.Get<IUserStore>().CreateAsync(parse.GetValue(name)!.Trim(), parse.GetValue(role), PasswordHasher.Hash(password), ChangeContext.ForCli(), ct);
                Console.WriteLine($"Created {user.Role.ToString().ToLowerInvariant()} '{user.Name}'.");
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

            var table = new Table().AddColumns("Name", "Role", "Created", "Disabled");
            foreach (var u in users)
            {
                table.AddRow(Markup.Escape(u.Name), u.Role.ToString().ToLowerInvariant(), u.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), u.Disabled ? "yes" : "");
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
