using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Victims;

namespace Rampart.Server.Victims;

public static class VictimsServiceCollectionExtensions
{
    /// <summary>The section that configures retention: <c>Days</c> (90), <c>Interval</c> (01:00:00), <c>Enabled</c>.</summary>
    public const string RetentionSection = "Sinkhole:Retention";

    /// <summary>Victims and retention in serve: the rollup job, configured by <see cref="RetentionSection"/>.</summary>
    public static IServiceCollection AddVictims(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SinkholeRetentionOptions>()
            .BindConfiguration(RetentionSection)
            .Validate(o => o.Days >= 1 && o.Interval > TimeSpan.Zero, $"{RetentionSection}: Days must be at least 1 and Interval positive")
            .ValidateOnStart();
        services.AddSingleton(sp => new SinkholeRetention(
            sp.GetRequiredService<ISinkholeRetentionStore>(),
            sp.GetRequiredService<IVictimStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Rampart.Sinkhole.Retention")));
        services.AddHostedService<SinkholeRetentionService>();
        return services;
    }
}
