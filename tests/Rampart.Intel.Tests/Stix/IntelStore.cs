using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Core.Stix;
using Rampart.Core.Storage;
using Rampart.Intel.Actors;
using Rampart.Intel.Stix;
using Rampart.Storage;
using Rampart.Storage.Intel;
using Rampart.Storage.Platform;

namespace Rampart.Intel.Tests.Stix;

/// <summary>A real SQLite store in a temp folder, migrated, with the shipped actor knowledge base loaded; deleted after the test.</summary>
internal sealed class IntelStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;

    private IntelStore(string folder, ServiceProvider services)
    {
        _folder = folder;
        _services = services;
    }

    public static ChangeContext Analyst { get; } = new("alice", ChangeChannel.Cli, null);

    public IIndicatorStore Indicators => _services.GetRequiredService<IIndicatorStore>();

    public IIndicatorSightings Sightings => _services.GetRequiredService<IIndicatorSightings>();

    public IStixStore Stix => _services.GetRequiredService<IStixStore>();

    public IActorStore Actors => _services.GetRequiredService<IActorStore>();

    public IStoreRevision Revision => _services.GetRequiredService<IStoreRevision>();

    public StixImporter Importer => new(Stix, Actors);

    public StixExporter Exporter => new(Stix, Indicators, Actors);

    public static async Task<IntelStore> CreateAsync(bool withActors = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-intel-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection().AddRampartStorage(StoreLocation.ForDataFolder(folder)).AddIntelStorage().BuildServiceProvider();
        var store = new IntelStore(folder, services);
        await services.GetRequiredService<IStoreMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        if (withActors)
        {
            var kb = ActorKnowledgeBase.Shipped;
            await store.Actors.SeedKnowledgeBaseAsync(() => kb.Actors, kb.Version, TestContext.Current.CancellationToken);
        }

        return store;
    }

    public async Task<StixImportReport> ImportAsync(string json, string file = "bundle.json", string source = "test", StoreAccess access = StoreAccess.Shared)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return await Importer.ImportAsync(stream, file, source, Analyst, access, TestContext.Current.CancellationToken);
    }

    public async Task<(string Json, StixExportReport Report)> ExportAsync(StixExportRequest? request = null)
    {
        using var output = new MemoryStream();
        var report = await Exporter.ExportAsync(request ?? new StixExportRequest(Maximum: Core.Markings.Tlp.AmberStrict), output, TestContext.Current.CancellationToken);
        return (System.Text.Encoding.UTF8.GetString(output.ToArray()), report);
    }

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
