using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rampart.Intel.Lifecycle;

namespace Rampart.Server.Intel;

public static class LifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Indicator decay from the configuration section <c>Intel:Decay</c> (<see cref="DecaySettings"/>);
    /// a bad value stops the process at start with the key that is wrong.
    /// </summary>
    public static IServiceCollection AddIndicatorLifecycle(this IServiceCollection services)
    {
        // Bound by hand rather than BindConfiguration: a CLI verb or a test composes without configuration and gets the defaults.
        services.AddOptions<DecaySettings>().Configure<IServiceProvider>((settings, sp) => sp.GetService<IConfiguration>()?.GetSection(DecaySettings.Section).Bind(settings));
        services.AddSingleton(sp => new IndicatorLifecycle(sp.GetRequiredService<IOptions<DecaySettings>>().Value));
        return services;
    }
}
