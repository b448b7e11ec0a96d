using Microsoft.Extensions.DependencyInjection;
using Rampart.Cases.Cases;
using Rampart.Cases.Pivots;
using Rampart.Cases.Rpz;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Indicators;
using Rampart.Core.Relationships;
using Rampart.Detection.Lookalikes;
using Rampart.Storage;
using Rampart.Storage.Cases;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;
using Rampart.Storage.Sinkhole;

namespace Rampart.Cases.Tests;

/// <summary>The cases engine over a fresh SQLite store in a temp folder, composed as the host composes it.</summary>
internal sealed class CaseLab : IAsyncDisposable
{
    private static readonly Lazy<LookalikeEngine> Lookalikes = new(() => LookalikeEngine.CreateDefault());

    private readonly ServiceProvider _services;
    private readonly string _folder;

    private CaseLab(ServiceProvider services, string folder)
    {
        _services = services;
        _folder = folder;
        var collector = new EvidenceCollector(Indicators, Get<IRelationshipStore>(), Get<IActorStore>(), Lookalikes.Value, TimeProvider.System);
        Service = new CaseService(Cases, Facts, Indicators, collector, new PivotEngine(new PivotOptions(), Lookalikes.Value));
        Publisher = new RpzPublisher(Cases, Indicators, Get<IRpzSerialStore>(), TimeProvider.System);
    }

    public static ChangeContext Alice { get; } = new("alice", ChangeChannel.Cli, "host");

    public ICaseStore Cases => Get<ICaseStore>();

    public IPivotFactStore Facts => Get<IPivotFactStore>();

    public IIndicatorStore Indicators => Get<IIndicatorStore>();

    public IAuditTrail Audit => Get<IAuditTrail>();

    /// <summary>The store's data folder.</summary>
    public string Folder => _folder;

    public CaseService Service { get; }

    public RpzPublisher Publisher { get; }

    public static async Task<CaseLab> OpenAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-cases-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddRampartStorage(StoreLocation.ForDataFolder(folder))
            .AddIntelStorage()
            .AddCasesStorage()
            .AddSinkholeStorage()
            .BuildServiceProvider();
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        return new CaseLab(services, folder);
    }

    /// <summary>A case moved along the workflow to <paramref name="status"/>, holding <paramref name="domains"/>.</summary>
    public async Task<TakedownCase> CaseAsync(string name, CaseStatus status, params string[] domains)
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await Cases.CreateAsync(name, null, Alice, ct);
        await Service.AddDomainsAsync(created.Id, domains, "by hand", Alice, ct);
        foreach (var next in CaseStatuses.All.Skip(1).TakeWhile(s => s <= status))
        {
            Assert.Equal(StatusChangeOutcome.Changed, (await Cases.SetStatusAsync(created.Id, next, null, Alice, ct)).Outcome);
        }

        return created;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle still open; the temp folder is cleaned eventually.
        }
    }
}
