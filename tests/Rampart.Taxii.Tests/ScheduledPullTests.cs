using Microsoft.Extensions.DependencyInjection;
using Rampart.Server;
using Rampart.Server.Taxii;

namespace Rampart.Taxii.Tests;

/// <summary>Issue #15: "scheduled pulls configured in the server, with their last run, counts and errors visible in the API".</summary>
[Collection(TaxiiServerCollection.Name)]
public sealed class ScheduledPullTests(TaxiiServerFixture remote)
{
    [Fact]
    public async Task A_configured_pull_runs_on_its_own_and_records_its_counts_and_a_failing_one_its_error()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-taxii-pull-" + Guid.NewGuid().ToString("N"));
        var root = new Uri(remote.BaseAddress, TaxiiServerFixture.Root).ToString();
        await using var app = RampartServer.Build(new ServeOptions(folder, null, "http://127.0.0.1:0", "local admin password"), builder =>
            builder.Services.Configure<TaxiiOptions>(o =>
            {
                o.Pulls.Add(new TaxiiScheduledPull { ApiRoot = root, Collection = remote.All.Id, User = "rita", Password = "rita password" });
                o.Pulls.Add(new TaxiiScheduledPull { ApiRoot = root, Collection = remote.Indicators.Id, User = "rita", Password = "wrong" });
            }));
        var (_, addresses) = await RampartServer.StartAsync(app, TestContext.Current.CancellationToken);
        using var api = new HttpClient { BaseAddress = new Uri(addresses[0]) };
        var store = app.Services.GetRequiredService<ITaxiiStore>();

        // Waiting for the background service to record both; the assertions are on what it recorded, not on time.
        var states = await store.ListPullStatesAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 600 && states.Count < 2; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            states = await store.ListPullStatesAsync(TestContext.Current.CancellationToken);
        }

        var good = Assert.Single(states, s => s.Source.Contains(remote.All.Id, StringComparison.Ordinal));
        var bad = Assert.Single(states, s => s.Source.Contains(remote.Indicators.Id, StringComparison.Ordinal));
        Assert.Null(good.LastError);
        Assert.True(good.Fetched >= 3, $"fetched {good.Fetched}");
        Assert.NotNull(good.AddedAfter);
        Assert.Contains("401", bad.LastError, StringComparison.Ordinal);
        Assert.Equal(0, bad.Fetched);

        // The same, through the API.
        var (token, keyId, hash) = Core.Identity.ApiKeyToken.Generate();
        var admin = (await app.Services.GetRequiredService<Core.Identity.IUserStore>().FindWithHashAsync("admin", TestContext.Current.CancellationToken))!.Value.User;
        await app.Services.GetRequiredService<Core.Identity.IApiKeyStore>().CreateAsync(admin.Id, "t", keyId, hash, Core.Auditing.ChangeContext.System, TestContext.Current.CancellationToken);
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var listed = await api.GetStringAsync("/api/v1/taxii/pulls", TestContext.Current.CancellationToken);
        Assert.Contains("\"last_error\"", listed, StringComparison.Ordinal);
        Assert.Contains("\"last_run\"", listed, StringComparison.Ordinal);
        Assert.Contains(remote.All.Id, listed, StringComparison.Ordinal);
    }
}
