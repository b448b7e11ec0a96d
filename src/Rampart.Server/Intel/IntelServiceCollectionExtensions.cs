using Microsoft.Extensions.DependencyInjection;
using Rampart.Intel.Attack;
using Rampart.Intel.Import;
using Rampart.Intel.Misp;
using Rampart.Intel.Stix;

namespace Rampart.Server.Intel;

public static class IntelServiceCollectionExtensions
{
    /// <summary>The intel capability's server parts: the importers and exporters the endpoints share with the CLI.</summary>
    public static IServiceCollection AddIntel(this IServiceCollection services)
    {
        services.AddSingleton<IndicatorImporter>();
        services.AddSingleton(Warninglists.Default);
        services.AddSingleton<StixImporter>();
        services.AddSingleton<MispImporter>();
        services.AddSingleton<MispFeedCache>();
        services.AddSingleton<StixExporter>();
        services.AddSingleton<ActorAttackProfiles>();
        return services;
    }
}
