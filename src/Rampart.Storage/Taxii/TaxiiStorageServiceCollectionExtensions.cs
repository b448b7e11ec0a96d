using Microsoft.Extensions.DependencyInjection;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Taxii;

namespace Rampart.Storage.Taxii;

public static class TaxiiStorageServiceCollectionExtensions
{
    /// <summary>
    /// The TAXII module (migrations "taxii"). Its log gets a row for every version the STIX import stores
    /// (PostgreSQL: a trigger on <c>stix_objects</c>; SQLite: the import writes it through
    /// <see cref="SqliteTaxiiLog"/>), so it must be added after <c>AddIntelStorage()</c>: modules migrate
    /// in registration order.
    /// </summary>
    public static IServiceCollection AddTaxiiStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(StorageModule.For<TaxiiStore>("taxii"));
        services.AddSingleton<ITaxiiStore>(sp => new TaxiiStore(sp.GetRequiredService<StoreChanges>()));
        services.AddSingleton<IStixVersionLog, SqliteTaxiiLog>();
        return services;
    }
}
