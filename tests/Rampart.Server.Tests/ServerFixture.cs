using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Server;

namespace Rampart.Server.Tests;

/// <summary>A real server on a loopback port with its own data folder, an admin password and API keys per role.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string AdminPassword = "correct horse battery staple";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "rampart-server-tests-" + Guid.NewGuid().ToString("N"));

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string AdminKey { get; private set; } = "";

    public string ReaderKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        (App, BaseAddress) = await StartAsync(DataFolder);
        AdminKey = await CreateKeyAsync("admin");
        var users = App.Services.GetRequiredService<IUserStore>();
        await users.CreateAsync("rita", Role.Reader, PasswordHasher.Hash("reader password 1"), ChangeContext.System, default);
        await users.CreateAsync("ana", Role.Analyst, PasswordHasher.Hash("analyst password 1"), ChangeContext.System, default);
        ReaderKey = await CreateKeyAsync("rita");
    }

    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(string dataFolder)
    {
        var app = RampartServer.Build(new ServeOptions(dataFolder, null, "http://127.0.0.1:0", AdminPassword));
        var (_, addresses) = await RampartServer.StartAsync(app, default);
        return (app, new Uri(addresses[0]));
    }

    public async Task<string> CreateKeyAsync(string userName)
    {
        var user = (await App.Services.GetRequiredService<IUserStore>().FindWithHashAsync(userName, default))!.Value.User;
        var (token, keyId, hash) = ApiKeyToken.Generate();
        await App.Services.GetRequiredService<IApiKeyStore>().CreateAsync(user.Id, "test", keyId, hash, ChangeContext.System, default);
        return token;
    }

    public HttpClient Client(string? apiKey = null, CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>A client signed in with a session cookie, as the console is.</summary>
    public async Task<HttpClient> SignedInAsync(string user, string password, CookieContainer? cookies = null)
    {
        var client = Client(cookies: cookies);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { user_name = user, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

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
