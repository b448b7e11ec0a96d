using Microsoft.Extensions.DependencyInjection;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Taxii;

namespace Rampart.Storage.Taxii;

public static class TaxiiStorageServiceCollectionExtensions
{
    /// <summary>
    /// The TAXII module (migrations "taxii"). Every version the STIX import stores has its date_added
    /// (PostgreSQL: a log row written by a trigger on <c>stix_objects</c>; SQLite: the row id of
    /// <c>stix_objects</c>, counted on from <see cref="SqliteTaxiiLog"/>'s last value), and its SQLite
    /// migration 0004 moves into <c>stix_objects</c> what intel's 0005 made room for, so it must be added
    /// after <c>AddIntelStorage()</c>: modules migrate in registration order.
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
