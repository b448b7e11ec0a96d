using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Sinkhole;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Sinkhole.Victims;

public static class VictimsStorageServiceCollectionExtensions
{
    /// <summary>
    /// The victims module of the sinkhole capability: its migrations (module "victims", its own version
    /// history, after "sinkhole" whose hits it reads) <see cref="IVictimStore"/> and <see cref="ISinkholeRetentionStore"/>.
    /// Needs <see cref="PlatformStorageServiceCollectionExtensions.AddRampartStorage"/> and <see cref="SinkholeStorageServiceCollectionExtensions.AddSinkholeStorage"/>.
    /// </summary>
    public static IServiceCollection AddVictimsStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<VictimStore>("victims"));
        services.AddSingleton<IVictimStore>(sp => new VictimStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<ISinkholeRetentionStore>(sp => new SinkholeRetentionStore(sp.GetRequiredService<StoreChanges>()));
        return services;
    }
}
