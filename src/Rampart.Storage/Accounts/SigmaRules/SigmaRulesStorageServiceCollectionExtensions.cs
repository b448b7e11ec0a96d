using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Accounts;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Accounts.SigmaRules;

public static class SigmaRulesStorageServiceCollectionExtensions
{
    /// <summary>
    /// The Sigma rules module of the accounts capability: its migrations (module "sigma-rules", its
    /// own version history beside the audit-log tables) and <see cref="ISigmaRuleStore"/>.
    /// Needs <see cref="PlatformStorageServiceCollectionExtensions.AddRampartStorage"/>.
    /// </summary>
    public static IServiceCollection AddSigmaRuleStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<SigmaRuleStore>("sigma-rules"));
        services.AddSingleton<ISigmaRuleStore>(sp => new SigmaRuleStore(sp.GetRequiredService<StoreChanges>()));
        return services;
    }
}
