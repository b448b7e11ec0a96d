using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rampart.Server.Accounts;
using Rampart.Server.Cases;
using Rampart.Server.Detection;
using Rampart.Server.Intel;
using Rampart.Server.Platform;
using Rampart.Server.Platform.Auth;
using Rampart.Server.Sinkhole;
using Rampart.Server.Taxii;
using Rampart.Server.Victims;
using Rampart.Storage;

namespace Rampart.Server;

/// <summary>
/// The platform host. Each capability adds its services and endpoints with one line here
/// (checklist for a new capability: AddX below, MapX below, verbs in src/Rampart/Program.cs).
/// </summary>
public static class RampartServer
{
    /// <summary>The file in the data folder that tells scripts and other processes where the server listens.</summary>
    public const string AddressFileName = "serve.json";

    public static WebApplication Build(ServeOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "rampart" });
        builder.WebHost.UseUrls(options.Urls);
        QuietFrameworkLogs(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddRampartEngines(StoreLocation.Resolve(options.DataFolder, options.Database));
        builder.Services.AddPlatform();
        builder.Services.AddIntel();
        builder.Services.AddDetection();
        builder.Services.AddAccounts();
        builder.Services.AddCases();
        builder.Services.AddSinkhole();
        builder.Services.AddTaxii();
        builder.Services.AddVictims();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CookieAntiforgeryMiddleware>();
        app.MapPlatform();
        app.MapIntel();
        app.MapDetection();
        app.MapAccounts();
        app.MapCases();
        app.MapTaxii();
        app.MapTaxiiAdmin();
        app.MapVictims();
        app.MapSinkholeHits();
        return app;
    }

    /// <summary>
    /// Request-by-request framework logs drown what an operator needs; raise them with
    /// <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>. Data Protection warns that its keys
    /// are stored unencrypted: they live in the store, which is protected like the data it holds.
    /// </summary>
    private static void QuietFrameworkLogs(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }

    /// <summary>
    /// Migrates the store, creates the first admin, builds the first snapshot, then starts listening.
    /// Returns the generated admin password when one was made (to print once), and the bound addresses.
    /// </summary>
    public static async Task<(string? AdminPassword, IReadOnlyList<string> Addresses)> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<ServeOptions>();
        var initializer = app.Services.GetRequiredService<StoreInitializer>();
        await initializer.InitializeAsync(cancellationToken);
        var password = await initializer.EnsureFirstAdminAsync(options.AdminPassword, cancellationToken);
        await app.Services.GetRequiredService<StoreChangeWatcher>().PollAsync(cancellationToken);
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        Directory.CreateDirectory(options.DataFolder);
        var file = Path.Combine(options.DataFolder, AddressFileName);
        await File.WriteAllTextAsync(file + ".tmp", System.Text.Json.JsonSerializer.Serialize(new { urls = addresses, pid = Environment.ProcessId }), cancellationToken);
        File.Move(file + ".tmp", file, overwrite: true);
        return (password, addresses);
    }
}
