using Microsoft.Extensions.DependencyInjection;
using Rampart.Storage.Platform;
using Rampart.Taxii;

namespace Rampart.Storage.Taxii;

public static class TaxiiStorageServiceCollectionExtensions
{
    /// <summary>
    /// The TAXII module (migrations "taxii"). Its log is filled by a trigger on <c>stix_objects</c>, so it
    /// must be added after <c>AddIntelStorage()</c>: modules migrate in registration order.
    /// </summary>
    public static IServiceCollection AddTaxiiStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<TaxiiStore>("taxii"));
        services.AddSingleton<ITaxiiStore>(sp => new TaxiiStore(sp.GetRequiredService<StoreChanges>()));
        return services;
    }
}
