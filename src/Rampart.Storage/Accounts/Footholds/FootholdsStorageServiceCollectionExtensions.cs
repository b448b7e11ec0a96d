using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Accounts;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Accounts.Footholds;

public static class FootholdsStorageServiceCollectionExtensions
{
    /// <summary>
    /// The footholds module of the accounts capability: its migrations (module "footholds", its own
    /// version history) and <see cref="IAccountReportStore"/>.
    /// Needs <see cref="PlatformStorageServiceCollectionExtensions.AddRampartStorage"/>.
    /// </summary>
    public static IServiceCollection AddFootholdsStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<AccountReportStore>("footholds"));
        services.AddSingleton<IAccountReportStore>(sp => new AccountReportStore(sp.GetRequiredService<StoreChanges>()));
        return services;
    }
}
