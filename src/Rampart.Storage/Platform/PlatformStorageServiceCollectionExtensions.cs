using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Storage;

namespace Rampart.Storage.Platform;

public static class PlatformStorageServiceCollectionExtensions
{
    /// <summary>
    /// The store at <paramref name="location"/>: its provider, the migrator (<see cref="IStoreMigrator"/>;
    /// call it once at startup), and the platform module's stores (revision, audit trail, users, API
    /// keys, Data Protection keys). Capabilities add theirs with their own <c>AddXStorage()</c>.
    /// </summary>
    public static IServiceCollection AddRampartStorage(this IServiceCollection services, StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(location);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(location);
        services.AddSingleton(_ => StoreDatabase.Create(location));
        services.AddSingleton(StorageModule.For<StoreChanges>(StorageModule.PlatformName));
        services.AddSingleton<IStoreMigrator>(sp => new StoreMigrator(
            sp.GetRequiredService<StoreDatabase>(),
            sp.GetServices<StorageModule>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<StoreMigrator>>() ?? NullLogger<StoreMigrator>.Instance));
        services.AddSingleton(sp => new StoreChanges(sp.GetRequiredService<StoreDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStoreRevision>(sp => new StoreRevision(sp.GetRequiredService<StoreDatabase>()));
        services.AddSingleton<IAuditTrail>(sp => new AuditTrail(sp.GetRequiredService<StoreDatabase>()));
        services.AddSingleton<IUserStore>(sp => new UserStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IApiKeyStore>(sp => new ApiKeyStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IDataProtectionKeyStore>(sp => new DataProtectionKeyStore(sp.GetRequiredService<StoreDatabase>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
