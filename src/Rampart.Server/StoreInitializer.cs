using Rampart.Core.Actors;
using Rampart.Core.Identity;
using Rampart.Intel.Actors;
using Rampart.Storage;

namespace Rampart.Server;

/// <summary>
/// Brings a store up to date before anything uses it: migrations (under the store's cross-process
/// lock) and the shipped actor knowledge base. Cheap when there is nothing to do, so every CLI verb
/// runs it.
/// </summary>
public sealed class StoreInitializer(IStoreMigrator migrator, IActorStore actors, IUserStore users)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await actors.SeedKnowledgeBaseAsync(() => ActorKnowledgeBase.Shipped.Actors, ActorKnowledgeBase.ShippedVersion, cancellationToken);
    }

    /// <summary>
    /// Creates the <c>admin</c> user when the store has no user yet. Returns the password to show
    /// once when it was generated here, null when the store already had users or the password came
    /// from the environment.
    /// </summary>
    public async Task<string?> EnsureFirstAdminAsync(string? configuredPassword, CancellationToken cancellationToken)
    {
        var password = configuredPassword ?? PasswordHasher.GeneratePassword();
        var created = await users.TryCreateFirstAdminAsync("admin", PasswordHasher.Hash(password), cancellationToken);
        return created && configuredPassword is null ? password : null;
    }
}
