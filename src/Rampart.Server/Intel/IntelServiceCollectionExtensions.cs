using Microsoft.Extensions.DependencyInjection;
using Rampart.Intel.Import;

namespace Rampart.Server.Intel;

public static class IntelServiceCollectionExtensions
{
    /// <summary>The intel capability's server parts: the importer the endpoints share with the CLI.</summary>
    public static IServiceCollection AddIntel(this IServiceCollection services)
    {
        services.AddSingleton<IndicatorImporter>();
        return services;
    }
}
