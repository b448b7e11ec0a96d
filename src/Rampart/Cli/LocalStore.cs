using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Server;
using Rampart.Server.Intel;
using Rampart.Storage;

namespace Rampart.Cli;

/// <summary>
/// A verb's direct access to the store (the data folder or PostgreSQL), composed the same way as the
/// server's, brought up to date before use. Safe while <c>serve</c> runs on the same store.
/// </summary>
public sealed class LocalStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LocalStore(ServiceProvider services) => _services = services;

    public static async Task<LocalStore> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Resolve(parse.GetValue(CliOptions.Data), parse.GetValue(CliOptions.Database));
        var provider = Services(location);
        try
        {
            await provider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await provider.DisposeAsync();
            throw new CliException($"cannot open the store at {location.Describe()}: {ex.Message}");
        }

        return new LocalStore(provider);
    }

    /// <summary>
    /// The store's services without opening or migrating it: for a sinkhole node whose store is
    /// unreachable at start, whose reads fail until it answers.
    /// </summary>
    public static LocalStore Compose(ParseResult parse) =>
        new(Services(StoreLocation.Resolve(parse.GetValue(CliOptions.Data), parse.GetValue(CliOptions.Database))));

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static ServiceProvider Services(StoreLocation location)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // The same configuration serve reads (appsettings.json in the working folder, then environment
        // variables), so a verb applies the same settings, e.g. Intel:Decay, as the server.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build());
        services.AddRampartEngines(location);
        services.AddIntel();
        return services.BuildServiceProvider();
    }
}
