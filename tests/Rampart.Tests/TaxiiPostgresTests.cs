using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rampart.Testing;

namespace Rampart.Tests;

/// <summary>
/// Issue #15 must-show: "Two serve processes on one PostgreSQL database: a paged read that alternates
/// between them returns every object exactly once." Needs <c>RAMPART_TEST_POSTGRES</c> (an admin
/// connection string, from <c>scripts/postgres-test-server.sh</c>); skipped without it.
/// </summary>
public sealed class TaxiiPostgresTests
{
    private const string Password = "two nodes admin password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Bundle(string prefix, int count)
    {
        var objects = Enumerable.Range(0, count).Select(i =>
            $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern":"[domain-name:value = '{{prefix}}{{i}}.example']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}""");
        return $$"""{"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[{{string.Join(",", objects)}}]}""";
    }

    [Fact]
    public async Task A_paged_read_alternating_between_two_serve_processes_returns_every_object_exactly_once()
    {
        var admin = Environment.GetEnvironmentVariable("RAMPART_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Skip("RAMPART_TEST_POSTGRES not set (RAMPART_TEST_POSTGRES=\"$(scripts/postgres-test-server.sh)\" runs this test).");
        }

        await using var scratch = new ScratchPostgresDatabase(admin, "rampart_taxii");
        var database = scratch.ConnectionString;
        var data = RampartCli.NewDataFolder();
        var first = RampartCli.WriteFile(data, "first.json", Bundle("node", 2_000));
        var later = RampartCli.WriteFile(data, "later.json", Bundle("later", 150));
        var imported = await RampartCli.RunAsync(data, "--database", database, "intel", "import", first);
        Assert.True(imported.ExitCode == 0, imported.Stderr);

        await using var a = await ServeProcess.StartAsync(data, Password, database);
        await using var b = await ServeProcess.StartAsync(data, Password, database);
        var key = (await RampartCli.RunAsync(data, "--database", database, "apikeys", "create", "--user", "admin")).Stdout.Trim();
        using var adminA = a.Client(key);
        var created = await adminA.PostAsJsonAsync("/api/v1/taxii/collections", new { title = "Everything", kind = "all" }, Ct);
        var collection = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        HttpClient Taxii(ServeProcess node)
        {
            var client = node.Client(key);
            client.DefaultRequestHeaders.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/taxii+json;version=2.1"));
            return client;
        }

        using var clientA = Taxii(a);
        using var clientB = Taxii(b);
        var objects = $"/taxii2/rampart/collections/{collection}/objects/";
        var seen = new List<string>();
        string? next = null, last = null;
        var page = 0;
        Task<RampartCli.Result>? adding = null;
        do
        {
            // Odd pages from A, even pages from B; after the first page, another process adds 150 objects.
            var client = page % 2 == 0 ? clientA : clientB;
            var response = await client.GetAsync(objects + "?limit=100" + (next is null ? "" : "&next=" + Uri.EscapeDataString(next)), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var envelope = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            seen.AddRange(envelope.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!));
            last = response.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
            next = envelope.GetProperty("more").GetBoolean() ? envelope.GetProperty("next").GetString() : null;
            adding ??= RampartCli.RunAsync(data, "--database", database, "intel", "import", later);
            page++;
        }
        while (next is not null);

        Assert.Equal(0, (await adding!).ExitCode);
        Assert.Equal(2_000, seen.Count);
        Assert.Equal(2_000, seen.Distinct().Count());
        Assert.Equal(20, page);

        // The objects added during the read come next, from either node, after the last date_added seen.
        var rest = await clientB.GetFromJsonAsync<JsonElement>(objects + "?limit=1000&added_after=" + Uri.EscapeDataString(last!), Ct);
        var added = rest.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        Assert.Equal(150, added.Count);
        Assert.Empty(added.Intersect(seen));
    }
}
