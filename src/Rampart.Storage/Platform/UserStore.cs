using Dapper;
using Rampart.Core;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Markings;

namespace Rampart.Storage.Platform;

internal sealed class UserStore(StoreChanges changes) : IUserStore
{
    private const string Insert = """
        INSERT INTO users (id, name, role, password_hash, created_at, disabled, tlp_max)
        VALUES (@Id, @Name, @Role, @PasswordHash, @CreatedAt, @Disabled, @TlpMax)
        """;

    public Task<bool> TryCreateFirstAdminAsync(string name, string passwordHash, CancellationToken cancellationToken) =>
        changes.RunAsync(ChangeContext.System, async change =>
        {
            // Safe against another process: the change holds the revision lock (see StoreChanges).
            if (await change.ScalarAsync<long>("SELECT COUNT(*) FROM users").ConfigureAwait(false) > 0)
            {
                return false;
            }

            var user = await InsertAsync(change, name, Role.Admin, passwordHash, tlpMax: null).ConfigureAwait(false);
            change.Audit("user.create-first-admin", user.Id, $"name={name}");
            return true;
        }, cancellationToken);

    public Task<User> CreateAsync(string name, Role role, string passwordHash, Tlp? tlpMax, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            if (await change.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE name = @Name", new { Name = name }).ConfigureAwait(false) > 0)
            {
                throw new InvalidOperationException($"A user named '{name}' already exists.");
            }

            User user;
            try
            {
                user = await InsertAsync(change, name, role, passwordHash, tlpMax).ConfigureAwait(false);
            }
            catch (Exception e) when (StoreErrors.IsUniqueViolation(e))
            {
                throw new InvalidOperationException($"A user named '{name}' already exists.", e);
            }

            change.Audit("user.create", user.Id, $"name={name} role={StoreNames.ToStore(role)} tlp_max={(tlpMax ?? TlpCeilings.DefaultUser).ToWire()}");
            return user;
        }, cancellationToken);

    public async Task<(User User, string PasswordHash)?> FindWithHashAsync(string name, CancellationToken cancellationToken)
    {
        var row = await QuerySingleAsync($"SELECT {UserRow.Columns} FROM users u WHERE u.name = @Name", new { Name = name }, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (row.ToUser(), row.PasswordHash);
    }

    public async Task<User?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QuerySingleAsync($"SELECT {UserRow.Columns} FROM users u WHERE u.id = @Id", new { Id = id }, cancellationToken).ConfigureAwait(false))?.ToUser();

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserRow.Columns} FROM users u ORDER BY u.name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToUser()).ToList();
    }

    public Task<bool> SetPasswordAsync(string name, string passwordHash, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var id = await change.QuerySingleOrDefaultAsync<string>(
                "UPDATE users SET password_hash = @PasswordHash WHERE name = @Name RETURNING id",
                new { Name = name, PasswordHash = passwordHash }).ConfigureAwait(false);
            if (id is null)
            {
                return false;
            }

            change.Audit("user.set-password", id, $"name={name}");
            return true;
        }, cancellationToken);

    public Task<bool> SetTlpMaxAsync(string name, Tlp? tlpMax, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var id = await change.QuerySingleOrDefaultAsync<string>(
                "UPDATE users SET tlp_max = @TlpMax WHERE name = @Name RETURNING id",
                new { Name = name, TlpMax = tlpMax?.ToWire() }).ConfigureAwait(false);
            if (id is null)
            {
                return false;
            }

            change.Audit("user.set-tlp-max", id, $"name={name} tlp_max={(tlpMax ?? TlpCeilings.DefaultUser).ToWire()}");
            return true;
        }, cancellationToken);

    private static async Task<User> InsertAsync(ChangeTransaction change, string name, Role role, string passwordHash, Tlp? tlpMax)
    {
        if (tlpMax == Tlp.Red)
        {
            throw new InvalidOperationException("TLP:RED never leaves, so it cannot be a ceiling.");
        }

        var user = new User(RampartId.New("user"), name, role, StoreTime.FromStore(change.NowStore), Disabled: false, tlpMax);
        await change.ExecuteAsync(Insert, new
        {
            user.Id,
            user.Name,
            Role = StoreNames.ToStore(role),
            PasswordHash = passwordHash,
            CreatedAt = change.NowStore,
            Disabled = false,
            TlpMax = tlpMax?.ToWire(),
        }).ConfigureAwait(false);
        return user;
    }

    private async Task<UserRow?> QuerySingleAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
