using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rampart.Cases.Cases;
using Rampart.Cases.Pivots;
using Rampart.Cases.Rpz;
using Rampart.Core.Actors;
using Rampart.Core.Cases;
using Rampart.Core.Indicators;
using Rampart.Core.Relationships;
using Rampart.Detection.Lookalikes;
using Rampart.Intel.Lifecycle;
using Rampart.Storage.Cases;

namespace Rampart.Server.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>
    /// The cases capability's store and engine, for the server and every CLI verb alike
    /// (called from <see cref="RampartComposition"/>): case store, pivot facts, RPZ serials, the
    /// case service and the RPZ publisher.
    /// </summary>
    public static IServiceCollection AddCasesEngine(this IServiceCollection services)
    {
        services.AddCasesStorage();
        // Another capability may register the lookalike engine with a user's brands; that one wins.
        services.TryAddSingleton(_ => LookalikeEngine.CreateDefault());
        services.AddSingleton(new PivotOptions());
        services.AddSingleton(sp => new PivotEngine(sp.GetRequiredService<PivotOptions>(), sp.GetRequiredService<LookalikeEngine>()));
        services.AddSingleton(sp => new EvidenceCollector(
            sp.GetRequiredService<IIndicatorStore>(), sp.GetRequiredService<IRelationshipStore>(), sp.GetRequiredService<IActorStore>(),
            sp.GetRequiredService<LookalikeEngine>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CaseService(
            sp.GetRequiredService<ICaseStore>(), sp.GetRequiredService<IPivotFactStore>(), sp.GetRequiredService<IIndicatorStore>(),
            sp.GetRequiredService<EvidenceCollector>(), sp.GetRequiredService<PivotEngine>()));
        services.AddSingleton(sp => new RpzPublisher(
            sp.GetRequiredService<ICaseStore>(), sp.GetRequiredService<IIndicatorStore>(), sp.GetRequiredService<IRpzSerialStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IndicatorLifecycle>()));
        return services;
    }

    /// <summary>The cases capability's server parts (the engine comes with <see cref="AddCasesEngine"/>): the RPZ transfer listener, configuration section <c>Rpz:Transfer</c>.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddOptions<RpzTransferSettings>().BindConfiguration("Rpz:Transfer");
        services.AddSingleton<RpzTransferHost>();
        services.AddHostedService(sp => sp.GetRequiredService<RpzTransferHost>());
        return services;
    }
}
