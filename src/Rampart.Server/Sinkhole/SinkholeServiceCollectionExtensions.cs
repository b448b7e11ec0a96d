using Microsoft.Extensions.DependencyInjection;
using Rampart.Cases.Sinkhole;
using Rampart.Server.Platform;

namespace Rampart.Server.Sinkhole;

public static class SinkholeServiceCollectionExtensions
{
    /// <summary>The sinkhole in <c>serve</c> (section <c>Sinkhole</c>, off unless <c>Enabled</c>) and its part of <c>/health/ready</c>.</summary>
    public static IServiceCollection AddSinkhole(this IServiceCollection services)
    {
        services.AddOptions<SinkholeSettings>().BindConfiguration("Sinkhole");
        services.AddSingleton<SinkholeHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SinkholeHost>());
        services.AddHealthChecks().AddCheck<SinkholeReadinessCheck>("sinkhole-spool", tags: [PlatformEndpoints.ReadyTag]);
        return services;
    }
}
