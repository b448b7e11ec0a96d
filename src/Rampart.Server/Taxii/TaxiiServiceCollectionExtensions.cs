using Microsoft.Extensions.DependencyInjection;

namespace Rampart.Server.Taxii;

public static class TaxiiServiceCollectionExtensions
{
    /// <summary>The TAXII 2.1 server: its options (section <c>Taxii</c>), authenticator, and the scheduled pulls; storage comes with the engines.</summary>
    public static IServiceCollection AddTaxii(this IServiceCollection services)
    {
        services.AddOptions<TaxiiOptions>().BindConfiguration("Taxii");
        services.AddSingleton<TaxiiAuthenticator>();
        services.AddSingleton<TaxiiCollectionDefinitions>();
        services.AddSingleton<TaxiiPuller>();
        services.AddHostedService<TaxiiPullScheduler>();
        return services;
    }
}
