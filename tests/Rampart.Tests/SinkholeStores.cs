using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Sinkhole;
using Rampart.Storage;
using Rampart.Storage.Platform;
using Rampart.Storage.Sinkhole;

namespace Rampart.Tests;

/// <summary>A fresh data folder whose store already holds the given hits, as an ingester would have left it.</summary>
public static class SinkholeStores
{
    public static async Task<string> WithHitsAsync(IReadOnlyList<SinkholeHit> hits)
    {
        var data = RampartCli.NewDataFolder();
        await using var services = new ServiceCollection().AddRampartStorage(StoreLocation.ForDataFolder(data)).AddSinkholeStorage().BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        await services.GetRequiredService<ISinkholeHitStore>().AddAsync(hits, TestContext.Current.CancellationToken);
        return data;
    }
}
