using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Sinkhole;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Sinkhole;

public static class SinkholeStorageServiceCollectionExtensions
{
    /// <summary>
    /// The sinkhole module: its migrations (module "sinkhole") and the hit store. Needs
    /// <see cref="PlatformStorageServiceCollectionExtensions.AddRampartStorage"/>.
    /// </summary>
    public static IServiceCollection AddSinkholeStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<SinkholeHitStore>("sinkhole"));
        services.AddSingleton<ISinkholeHitStore>(sp => new SinkholeHitStore(sp.GetRequiredService<StoreDatabase>()));
        return services;
    }
}
