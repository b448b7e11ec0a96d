using Microsoft.Extensions.DependencyInjection;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;
using Rampart.Server.Cases;
using Rampart.Server.Intel;
using Rampart.Storage;
using Rampart.Storage.Accounts;
using Rampart.Storage.Accounts.Footholds;
using Rampart.Storage.Accounts.SigmaRules;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Storage.Sinkhole;
using Rampart.Storage.Sinkhole.Victims;
using Rampart.Storage.Taxii;

namespace Rampart.Server;

/// <summary>
/// The parts every process composes, the server and each CLI verb alike: the store and the
/// engines. Each capability adds itself here with one line.
/// </summary>
public static class RampartComposition
{
    public static IServiceCollection AddRampartEngines(this IServiceCollection services, StoreLocation location)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddRampartStorage(location);
        services.AddIntelStorage();
        services.AddAccountsStorage();
        services.AddSinkholeStorage();
        services.AddVictimsStorage();
        services.AddSigmaRuleStorage();
        services.AddFootholdsStorage();
        services.AddCasesEngine();
        services.AddTaxiiStorage();
        services.AddSingleton<StoreInitializer>();
        services.AddIndicatorLifecycle();
        services.AddSingleton<IndicatorIndexLoader>();
        services.AddSingleton<IIndicatorRecords, StoreIndicatorRecords>();
        services.AddSingleton<Rampart.Detection.Lookalikes.LookalikeVerdictContributor>();
        services.AddSingleton<IndexVerdictEngine>();
        services.AddSingleton<IVerdictEngine>(sp => sp.GetRequiredService<IndexVerdictEngine>());
        return services;
    }
}
