using Microsoft.Extensions.DependencyInjection;
using Rampart.Server.Platform;

namespace Rampart.Server.Detection;

public static class DetectionServiceCollectionExtensions
{
    /// <summary>The detection capability's server parts: rebuilding the verdict snapshot when the store changes.</summary>
    public static IServiceCollection AddDetection(this IServiceCollection services)
    {
        services.AddSingleton<IStoreChangeListener, VerdictSnapshotRefresher>();
        return services;
    }
}
