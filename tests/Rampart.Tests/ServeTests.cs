using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rampart.Tests;

public sealed class ServeTests
{
    private const string Password = "e2e admin password";

    [Fact]
    public async Task A_fresh_data_folder_serves_health_openly_and_the_api_only_with_a_key()
    {
        var data = RampartCli.NewDataFolder();
        await using var serve = await ServeProcess.StartAsync(data, Password);
        using var anonymous = serve.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/indicators", TestContext.Current.CancellationToken)).StatusCode);

        // A key made by the CLI on the same store while serve runs.
        var created = await RampartCli.RunAsync(data, "apikeys", "create", "--user", "admin", "--name", "e2e");
        Assert.Equal(0, created.ExitCode);
        using var authorized = serve.Client(created.Stdout.Trim());
        Assert.Equal(HttpStatusCode.OK, (await authorized.GetAsync("/api/v1/indicators", TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(File.Exists(Path.Combine(data, "serve.json")), "serve writes its bound address to the data folder");
    }

    [Fact]
    public async Task An_indicator_imported_by_the_cli_is_malicious_in_the_api_without_a_restart()
    {
        var data = RampartCli.NewDataFolder();
        await using var serve = await ServeProcess.StartAsync(data, Password);
        var key = (await RampartCli.RunAsync(data, "apikeys", "create", "--user", "admin")).Stdout.Trim();
        using var client = serve.Client(key);
        var list = RampartCli.WriteFile(data, "live.txt", "fresh-lure[.]example\n");

        var import = await RampartCli.RunAsync(data, "intel", "import", list, "--actor", "strontium");
        var imported = Stopwatch.StartNew();

        Assert.Equal(0, import.ExitCode);
        while (true)
        {
            var response = await client.PostAsJsonAsync("/api/v1/verdicts", new { values = new[] { "a.fresh-lure.example" } }, TestContext.Current.CancellationToken);
            var verdict = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("verdicts")[0];
            if (verdict.GetProperty("disposition").GetString() == "malicious")
            {
                break;
            }

            // The one-second figure is measured by the benchmark script; a loaded CI machine only proves it happens.
            Assert.True(imported.Elapsed < TimeSpan.FromSeconds(15), $"not enforced {imported.Elapsed} after the import returned");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Two_servers_starting_at_once_on_a_new_store_both_come_up_with_one_admin()
    {
        var data = RampartCli.NewDataFolder();
        var first = ServeProcess.StartAsync(data, Password);
        var second = ServeProcess.StartAsync(data, Password);
        await using var a = await first;
        await using var b = await second;
        using var client = a.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);

        var users = await RampartCli.RunAsync(data, "users", "list", "--format", "json");
        Assert.Equal(0, users.ExitCode);
        Assert.Single(JsonDocument.Parse(users.Stdout).RootElement.EnumerateArray());
    }
}
