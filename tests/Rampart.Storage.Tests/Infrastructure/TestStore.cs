using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Indicators;
using Rampart.Core.Relationships;
using Rampart.Core.Storage;
using Rampart.Storage.Accounts;
using Rampart.Storage.Cases;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Storage.Sinkhole;
using Rampart.Storage.Sinkhole.Victims;
using Rampart.Storage.Taxii;

namespace Rampart.Storage.Tests.Infrastructure;

/// <summary>
/// One "process" using the store: its own service provider composed as the host composes it, so its
/// own connection pool. Two of these on one location behave like two processes sharing a store.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestStore(StoreLocation location)
    {
        Location = location;
        _services = new ServiceCollection()
            .AddRampartStorage(location)
            .AddIntelStorage()
            .AddAccountsStorage()
            .AddCasesStorage()
            .AddSinkholeStorage()
            .AddVictimsStorage()
            .AddTaxiiStorage()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public StoreLocation Location { get; }

    public IStoreMigrator Migrator => Get<IStoreMigrator>();

    public IStoreRevision Revision => Get<IStoreRevision>();

    public IAuditTrail Audit => Get<IAuditTrail>();

    public IUserStore Users => Get<IUserStore>();

    public IApiKeyStore ApiKeys => Get<IApiKeyStore>();

    public IDataProtectionKeyStore DataProtectionKeys => Get<IDataProtectionKeyStore>();

    public IIndicatorStore Indicators => Get<IIndicatorStore>();

    public IActorStore Actors => Get<IActorStore>();

    public IRelationshipStore Relationships => Get<IRelationshipStore>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A raw connection for asserting on the schema itself.</summary>
    internal ValueTask<DbConnection> OpenAsync() => Get<StoreDatabase>().OpenAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
