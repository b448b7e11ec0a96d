using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Cases;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Cases;

public static class CasesStorageServiceCollectionExtensions
{
    /// <summary>
    /// The cases module: its migrations (module "cases") and its stores — takedown cases, imported
    /// pivot facts and RPZ serials. Needs <see cref="PlatformStorageServiceCollectionExtensions.AddRampartStorage"/>.
    /// </summary>
    public static IServiceCollection AddCasesStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<CaseStore>("cases"));
        services.AddSingleton<ICaseStore>(sp => new CaseStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IPivotFactStore>(sp => new PivotFactStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IRpzSerialStore>(sp => new RpzSerialStore(sp.GetRequiredService<StoreChanges>()));
        return services;
    }
}
