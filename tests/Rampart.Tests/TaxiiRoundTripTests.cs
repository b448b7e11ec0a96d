using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rampart.Tests;

/// <summary>
/// Issue #15 must-show: "A TAXII round trip between two Rampart servers on loopback: server A exposes a
/// collection, server B pulls it incrementally (a second pull fetches only new objects), with auth,
/// and paging over 10,000 objects; objects added to A during the pull are fetched by the next pull, none missed."
/// </summary>
public sealed class TaxiiRoundTripTests
{
    private const string Password = "round trip admin password";

    private static string Bundle(int from, int count)
    {
        var objects = Enumerable.Range(from, count).Select(i =>
            $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{new Guid(i, 0, 0, new byte[8])}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern":"[domain-name:value = 'rt{{i}}.example']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}""");
        return $$"""{"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[{{string.Join(",", objects)}}]}""";
    }

    private static async Task<JsonElement> PullAsync(string data, Uri root, string collection, string key, int limit)
    {
        var result = await RampartCli.RunAsync(data, "intel", "pull", new Uri(root, "/taxii2/rampart/").ToString(), "--collection", collection,
            "--user", "admin", "--password", key, "--limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public async Task Server_b_pulls_10000_objects_from_server_a_in_pages_and_the_next_pulls_fetch_only_what_was_added()
    {
        var dataA = RampartCli.NewDataFolder();
        var dataB = RampartCli.NewDataFolder();
        var first = RampartCli.WriteFile(dataA, "first.json", Bundle(0, 10_000));
        var during = RampartCli.WriteFile(dataA, "during.json", Bundle(10_000, 300));
        Assert.Equal(0, (await RampartCli.RunAsync(dataA, "intel", "import", first)).ExitCode);

        await using var a = await ServeProcess.StartAsync(dataA, Password);
        await using var b = await ServeProcess.StartAsync(dataB, Password);
        var keyA = (await RampartCli.RunAsync(dataA, "apikeys", "create", "--user", "admin")).Stdout.Trim();
        using var adminA = a.Client(keyA);
        var created = await adminA.PostAsJsonAsync("/api/v1/taxii/collections", new { title = "All indicators", kind = "indicators" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var collection = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;

        // Without credentials A refuses.
        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(a.Address, $"/taxii2/rampart/collections/{collection}/objects/"), TestContext.Current.CancellationToken)).StatusCode);

        // First pull, 500 a page, while 300 more objects land on A.
        var pulling = PullAsync(dataB, a.Address, collection, keyA, 500);
        var adding = RampartCli.RunAsync(dataA, "intel", "import", during);
        var firstPull = await pulling;
        Assert.Equal(0, (await adding).ExitCode);
        var second = await PullAsync(dataB, a.Address, collection, keyA, 500);
        var third = await PullAsync(dataB, a.Address, collection, keyA, 500);

        var fetched = firstPull.GetProperty("fetched").GetInt64();
        Assert.True(fetched >= 10_000, firstPull.ToString());
        Assert.True(firstPull.GetProperty("pages").GetInt32() >= 20, firstPull.ToString());
        Assert.Equal(10_300, fetched + second.GetProperty("fetched").GetInt64());
        Assert.Equal(10_300, firstPull.GetProperty("added").GetInt64() + second.GetProperty("added").GetInt64());
        Assert.Equal(0, third.GetProperty("fetched").GetInt64());

        // B now holds every one of them: its own status counts the indicators derived from the pulled objects.
        var keyB = (await RampartCli.RunAsync(dataB, "apikeys", "create", "--user", "admin")).Stdout.Trim();
        using var adminB = b.Client(keyB);
        var status = await adminB.GetFromJsonAsync<JsonElement>("/api/v1/status", TestContext.Current.CancellationToken);
        Assert.Equal(10_300, status.GetProperty("indicators").GetProperty("total").GetInt64());
        var pulls = await adminB.GetFromJsonAsync<JsonElement>("/api/v1/taxii/pulls", TestContext.Current.CancellationToken);
        var pull = Assert.Single(pulls.EnumerateArray());
        Assert.Equal(third.GetProperty("added_after").GetString(), pull.GetProperty("added_after").GetString());
        Assert.False(pull.TryGetProperty("last_error", out _));
    }
}
