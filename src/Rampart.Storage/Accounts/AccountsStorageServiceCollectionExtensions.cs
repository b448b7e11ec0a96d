using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Accounts;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Accounts;

public static class AccountsStorageServiceCollectionExtensions
{
    /// <summary>
    /// The accounts module: its migrations (module "accounts") and the store of log scans and rule
    /// matches. Needs <see cref="PlatformStorageServiceCollectionExtensions.AddRampartStorage"/>.
    /// </summary>
    public static IServiceCollection AddAccountsStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<LogScanStore>("accounts"));
        services.AddSingleton<ILogScanStore>(sp => new LogScanStore(sp.GetRequiredService<StoreChanges>()));
        return services;
    }
}
