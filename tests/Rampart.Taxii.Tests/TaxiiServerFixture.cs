using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Markings;
using Rampart.Intel.Stix;
using Rampart.Server;
using Rampart.Server.Taxii;
using Rampart.Taxii.Collections;

namespace Rampart.Taxii.Tests;

/// <summary>
/// A real server on a loopback port with TAXII collections, users with different rights and TLP
/// clearances, and a few STIX objects: GREEN, AMBER (two versions), RED and unmarked.
/// </summary>
public sealed class TaxiiServerFixture : IAsyncLifetime
{
    public const string AdminPassword = "correct horse battery staple";
    public const string Root = "/taxii2/rampart/";

    /// <summary>Small, so the 413 test needs no 32 MB body.</summary>
    public const int MaxContentLength = 64 * 1024;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "rampart-taxii-tests-" + Guid.NewGuid().ToString("N"));

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public TaxiiCollection All { get; } = new(Guid.NewGuid().ToString(), "Everything", "All STIX objects", "all", TaxiiCollectionKind.All, null, Tlp.AmberStrict);

    public TaxiiCollection Indicators { get; } = new(Guid.NewGuid().ToString(), "Indicators", null, null, TaxiiCollectionKind.Indicators, null, Tlp.AmberStrict);

    public TaxiiCollection Inbox { get; } = new(Guid.NewGuid().ToString(), "Inbox", "Partners post here", "inbox", TaxiiCollectionKind.Inbox, null, Tlp.AmberStrict);

    public TaxiiCollection Hidden { get; } = new(Guid.NewGuid().ToString(), "Hidden", null, null, TaxiiCollectionKind.All, null, Tlp.AmberStrict);

    public string GreenId { get; } = StixFixtures.NewId("indicator");

    public string AmberId { get; } = StixFixtures.NewId("indicator");

    public string RedId { get; } = StixFixtures.NewId("indicator");

    public string IdentityId { get; } = StixFixtures.NewId("identity");

    public async ValueTask InitializeAsync()
    {
        App = RampartServer.Build(
            new ServeOptions(DataFolder, null, "http://127.0.0.1:0", AdminPassword),
            builder => builder.Services.Configure<TaxiiOptions>(o => o.MaxContentLength = MaxContentLength));
        var (_, addresses) = await RampartServer.StartAsync(App, default);
        BaseAddress = new Uri(addresses[0]);

        var users = App.Services.GetRequiredService<IUserStore>();
        await users.CreateAsync("rita", Role.Reader, PasswordHasher.Hash("rita password"), ChangeContext.System, default);
        await users.CreateAsync("gus", Role.Reader, PasswordHasher.Hash("gus password"), ChangeContext.System, default);
        await users.CreateAsync("walt", Role.Analyst, PasswordHasher.Hash("walt password"), ChangeContext.System, default);
        await users.CreateAsync("nobody", Role.Reader, PasswordHasher.Hash("nobody password"), ChangeContext.System, default);

        var store = App.Services.GetRequiredService<ITaxiiStore>();
        foreach (var collection in new[] { All, Indicators, Inbox, Hidden })
        {
            await store.CreateCollectionAsync(collection, ChangeContext.System, default);
        }

        // rita: AMBER everywhere she reads; gus: GREEN only; walt: writes the inbox but may not read it.
        await store.GrantAsync(new TaxiiGrant(All.Id, "rita", true, false, Tlp.Amber), ChangeContext.System, default);
        await store.GrantAsync(new TaxiiGrant(Indicators.Id, "rita", true, false, Tlp.Amber), ChangeContext.System, default);
        await store.GrantAsync(new TaxiiGrant(Inbox.Id, "rita", true, true, Tlp.Amber), ChangeContext.System, default);
        await store.GrantAsync(new TaxiiGrant(All.Id, "gus", true, false, Tlp.Green), ChangeContext.System, default);
        await store.GrantAsync(new TaxiiGrant(Inbox.Id, "walt", false, true, Tlp.Green), ChangeContext.System, default);

        await ImportAsync(
            StixFixtures.Identity(IdentityId, "Example Org"),
            StixFixtures.Indicator(GreenId, "green.example", marking: StixFixtures.Green),
            StixFixtures.Indicator(AmberId, "amber.example", StixFixtures.Time(0), StixFixtures.Amber),
            StixFixtures.Indicator(RedId, "red.example", marking: StixFixtures.Red));
        await ImportAsync(StixFixtures.Indicator(AmberId, "amber.example", StixFixtures.Time(5), StixFixtures.Amber));
    }

    public async Task ImportAsync(params string[] objects)
    {
        var report = await App.Services.GetRequiredService<StixImporter>()
            .ImportAsync(StixFixtures.Stream(StixFixtures.Bundle(objects)), "fixture", "fixture", ChangeContext.System, default);
        Assert.Equal(0, report.Skipped);
    }

    /// <summary>A client authenticated with HTTP Basic, accepting TAXII 2.1 as clients must (§3.1: "All TAXII requests MUST include ... at least one TAXII media range").</summary>
    public HttpClient Client(string? user, string? password = null, string? accept = "application/taxii+json;version=2.1")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password ?? user + " password"}")));
        }

        if (accept is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        }

        return client;
    }

    public HttpClient Admin() => Client("admin", AdminPassword);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
