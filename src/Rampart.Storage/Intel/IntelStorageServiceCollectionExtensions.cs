using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Relationships;
using Rampart.Core.Stix;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

public static class IntelStorageServiceCollectionExtensions
{
    /// <summary>The intel module's migrations: scripts under <c>Intel/Migrations/</c>, plus the steps SQL cannot do.</summary>
    internal static readonly StorageModule Module = StorageModule.For<IndicatorStore>("intel") with
    {
        Steps = new Dictionary<int, MigrationStep> { [UrlCanonicalForm.Version] = UrlCanonicalForm.RunAsync, [StixDateAdded.Version] = StixDateAdded.RunAsync, [StixVersionIndex.Version] = StixVersionIndex.RunAsync },
    };

    /// <summary>
    /// The intel module: its migrations (module "intel") and its stores — indicators, actors,
    /// relationships and sightings. Needs <see cref="PlatformStorageServiceCollectionExtensions.AddRampartStorage"/>.
    /// </summary>
    public static IServiceCollection AddIntelStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(Module);
        services.AddSingleton<IIndicatorStore>(sp => new IndicatorStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IActorStore>(sp => new ActorStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IIndicatorSightings>(sp => new IndicatorSightingStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IRelationshipStore>(sp => new RelationshipStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IStixStore>(sp => new StixStore(sp.GetRequiredService<StoreChanges>(), sp.GetService<IStixVersionLog>()));
        return services;
    }
}
