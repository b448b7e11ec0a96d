using Microsoft.Extensions.DependencyInjection;
using Rampart.Server.Platform;

namespace Rampart.Server.Detection;

public static class DetectionServiceCollectionExtensions
{
    /// <summary>The detection capability's server parts: keeping the verdict index current when the store changes.</summary>
    public static IServiceCollection AddDetection(this IServiceCollection services)
    {
        services.AddSingleton<VerdictIndexRefresher>();
        services.AddSingleton<IStoreChangeListener>(sp => sp.GetRequiredService<VerdictIndexRefresher>());
        return services;
    }
}
