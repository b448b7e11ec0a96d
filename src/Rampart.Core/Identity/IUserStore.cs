using Rampart.Core.Auditing;
using Rampart.Core.Markings;

namespace Rampart.Core.Identity;

/// <summary>Users and their password hashes (never the passwords).</summary>
public interface IUserStore
{
    /// <summary>Creates the first user only if the store has none, atomically across processes.</summary>
    Task<bool> TryCreateFirstAdminAsync(string name, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="InvalidOperationException"/> when the name is taken.</summary>
    Task<User> CreateAsync(string name, Role role, string passwordHash, ChangeContext context, CancellationToken cancellationToken) =>
        CreateAsync(name, role, passwordHash, null, context, cancellationToken);

    /// <summary>Throws <see cref="InvalidOperationException"/> when the name is taken.</summary>
    /// <param name="tlpMax">The user's TLP ceiling; null for the default (<see cref="TlpCeilings.DefaultUser"/>).</param>
    Task<User> CreateAsync(string name, Role role, string passwordHash, Tlp? tlpMax, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, resets to the default) a user's TLP ceiling; false when no user has that name.</summary>
    Task<bool> SetTlpMaxAsync(string name, Tlp? tlpMax, ChangeContext context, CancellationToken cancellationToken);

    Task<(User User, string PasswordHash)?> FindWithHashAsync(string name, CancellationToken cancellationToken);

    Task<User?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken);

    Task<bool> SetPasswordAsync(string name, string passwordHash, ChangeContext context, CancellationToken cancellationToken);
}
