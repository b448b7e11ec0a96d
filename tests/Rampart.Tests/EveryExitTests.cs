using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rampart.Tests;

/// <summary>
/// Issue #12's must-show "An indicator marked TLP:RED appears in no export of any format", walked
/// through every way out of the real executable, beside a decayed indicator, which no blocking way
/// out may carry: each `intel export --format`, `intel misp export`, `rpz export`, and over `serve`
/// the export API in each format, the MISP feed, the indicator list, the verdicts, the RPZ, and TAXII
/// objects and manifest. A live GREEN domain and address are the control: they do go out. Refusals
/// are counted where they happen. STIX bundles and TAXII carry the decayed indicator on purpose (intel
/// with its valid_from and confidence, not a block list); that is asserted too, so the policy is visible.
/// </summary>
public sealed class EveryExitTests
{
    private const string RedMarking = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private const string GreenMarking = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private const string AdminPassword = "every exit admin password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] ListFormats = ["txt", "csv", "json", "jsonl"];

    private static readonly string[] BlockingFormats = ["suricata", "zeek", "hosts", "dnsmasq", "unbound", "ip"];

    /// <summary>The store of the walk: what must never leave (RED), what no blocker may get (decayed), and what goes out.</summary>
    private sealed record Walk(string Data, string[] Red, string[] Decayed, string LiveDomain, string LiveAddress, string[] RedIds, string[] DecayedIds)
    {
        public IEnumerable<string> Forbidden => Red.Concat(Decayed);
    }

    private static string Indicator(string id, string pattern, int confidence, string marking) =>
        $$"""
        {"type":"indicator","spec_version":"2.1","id":"{{id}}","created":"{{Stamp()}}","modified":"{{Stamp()}}","name":"walk","pattern":"{{pattern}}",
         "pattern_type":"stix","valid_from":"{{Stamp()}}","confidence":{{confidence}},"indicator_types":["malicious-activity"],"object_marking_refs":["{{marking}}"]}
        """;

    /// <summary>A day ago: valid, and not decayed by age (confidence 90 keeps a domain or address above the threshold for weeks).</summary>
    private static string Stamp() => DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'00:00:00.000'Z'", CultureInfo.InvariantCulture);

    private static async Task<Walk> PrepareAsync()
    {
        var data = RampartCli.NewDataFolder();
        var ids = Enumerable.Range(0, 6).Select(_ => $"indicator--{Guid.NewGuid()}").ToArray();

        // Confidence 10 is below the decay threshold (30) from the first day: decayed at once.
        var bundle = $$"""
            {"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[
            {{Indicator(ids[0], "[domain-name:value = 'red-walk.example']", 95, RedMarking)}},
            {{Indicator(ids[1], "[ipv4-addr:value = '198.51.100.66']", 95, RedMarking)}},
            {{Indicator(ids[2], "[domain-name:value = 'decayed-walk.example']", 10, GreenMarking)}},
            {{Indicator(ids[3], "[ipv4-addr:value = '198.51.100.77']", 10, GreenMarking)}},
            {{Indicator(ids[4], "[domain-name:value = 'live-walk.example']", 90, GreenMarking)}},
            {{Indicator(ids[5], "[ipv4-addr:value = '198.51.100.88']", 90, GreenMarking)}}]}
            """;
        var file = RampartCli.WriteFile(data, "walk.json", bundle);
        var imported = await RampartCli.RunAsync(data, "intel", "import", file, "--source", "walk");
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        return new Walk(data, ["red-walk.example", "198.51.100.66"], ["decayed-walk.example", "198.51.100.77"], "live-walk.example", "198.51.100.88", [ids[0], ids[1]], [ids[2], ids[3]]);
    }

    private static void AssertNone(IEnumerable<string> values, string output, string exit)
    {
        foreach (var value in values)
        {
            Assert.False(output.Contains(value, StringComparison.Ordinal), $"{exit} carries {value}:\n{output}");
        }
    }

    [Fact]
    public async Task Neither_a_red_nor_a_decayed_indicator_leaves_through_any_file_export_and_each_refusal_is_reported()
    {
        var walk = await PrepareAsync();

        foreach (var format in ListFormats.Concat(BlockingFormats))
        {
            var export = await RampartCli.RunAsync(walk.Data, "intel", "export", "--format", format, "--tlp-max", "amber+strict");
            Assert.True(export.ExitCode == 0, export.Stderr);
            AssertNone(walk.Forbidden, export.Stdout, "intel export --format " + format);
            Assert.Contains(format == "ip" ? walk.LiveAddress : walk.LiveDomain, export.Stdout, StringComparison.Ordinal);
            Assert.Contains("held back by TLP (ceiling amber+strict): red 2", export.Stderr, StringComparison.Ordinal);
            Assert.Contains("left out as not live: decayed 2", export.Stderr, StringComparison.Ordinal);
        }

        var stix = await RampartCli.RunAsync(walk.Data, "intel", "export", "--format", "stix", "--tlp-max", "amber+strict");
        Assert.True(stix.ExitCode == 0, stix.Stderr);
        AssertNone(walk.Red.Concat(walk.RedIds), stix.Stdout, "intel export --format stix");
        Assert.Contains("red", stix.Stderr, StringComparison.Ordinal);
        Assert.All(walk.DecayedIds, id => Assert.Contains(id, stix.Stdout, StringComparison.Ordinal));

        var feed = Path.Combine(walk.Data, "feed");
        var misp = await RampartCli.RunAsync(walk.Data, "intel", "misp", "export", feed, "--tlp-max", "amber+strict");
        Assert.True(misp.ExitCode == 0, misp.Stderr);
        var feedText = string.Concat(Directory.GetFiles(feed).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        AssertNone(walk.Forbidden, feedText, "intel misp export");
        Assert.Contains(walk.LiveDomain, feedText, StringComparison.Ordinal);
        Assert.Contains("red 2", misp.Stderr, StringComparison.Ordinal);
        Assert.Contains("decayed 2", misp.Stderr, StringComparison.Ordinal);

        var rpz = await RampartCli.RunAsync(walk.Data, "rpz", "export", "--source", "walk", "--policy", "nxdomain", "--tlp-max", "amber+strict");
        Assert.True(rpz.ExitCode == 0, rpz.Stderr);
        AssertNone(walk.Forbidden, rpz.Stdout, "rpz export");
        Assert.Contains($"{walk.LiveDomain}.rpz.rampart.", rpz.Stdout, StringComparison.Ordinal);
        Assert.Contains("; indicators: held back by TLP (ceiling amber+strict): red 1; left out as not live: decayed 1", rpz.Stdout, StringComparison.Ordinal);

        // RED cannot be asked for.
        var red = await RampartCli.RunAsync(walk.Data, "rpz", "export", "--source", "walk", "--policy", "nxdomain", "--tlp-max", "red");
        Assert.NotEqual(0, red.ExitCode);
    }

    [Fact]
    public async Task Neither_a_red_nor_a_decayed_indicator_leaves_through_any_api_or_taxii_read_and_each_refusal_is_counted()
    {
        var walk = await PrepareAsync();
        Assert.Equal(0, (await RampartCli.RunAsync(walk.Data, "users", "add", "walker", "--role", "reader", "--tlp-max", "amber+strict")).ExitCode);
        var key = (await RampartCli.RunAsync(walk.Data, "apikeys", "create", "--user", "walker", "--tlp-max", "amber+strict")).Stdout.Trim();
        var collection = (await RampartCli.RunAsync(walk.Data, "taxii", "collection", "new", "walk", "--kind", "all", "--alias", "walk")).Stdout.Split('\n')[0].Trim();
        Assert.Equal(0, (await RampartCli.RunAsync(walk.Data, "taxii", "collection", "grant", "walk", "walker", "--read", "--clearance", "amber+strict")).ExitCode);

        await using var serve = await ServeProcess.StartAsync(walk.Data, AdminPassword);
        using var client = serve.Client(key);

        foreach (var format in ListFormats.Concat(BlockingFormats).Append("stix"))
        {
            var response = await client.GetAsync($"/api/v1/export?format={format}&tlp_max=amber%2Bstrict", Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal(2, Count(response, "X-Rampart-Withheld"));
            if (format == "stix")
            {
                AssertNone(walk.Red.Concat(walk.RedIds), body, "export api stix");
                Assert.All(walk.DecayedIds, id => Assert.Contains(id, body, StringComparison.Ordinal));
                continue;
            }

            AssertNone(walk.Forbidden, body, "export api " + format);
            Assert.Contains(format == "ip" ? walk.LiveAddress : walk.LiveDomain, body, StringComparison.Ordinal);
            Assert.Equal(2, Count(response, "X-Rampart-Not-Live"));
        }

        var manifest = await client.GetAsync("/api/v1/misp/feed/manifest.json?tlp_max=amber%2Bstrict", Ct);
        var feed = new StringBuilder(await manifest.Content.ReadAsStringAsync(Ct));
        foreach (var entry in JsonDocument.Parse(feed.ToString()).RootElement.EnumerateObject())
        {
            feed.Append(await client.GetStringAsync($"/api/v1/misp/feed/{entry.Name}.json?tlp_max=amber%2Bstrict", Ct));
        }

        feed.Append(await client.GetStringAsync("/api/v1/misp/feed/hashes.csv?tlp_max=amber%2Bstrict", Ct));
        AssertNone(walk.Forbidden, feed.ToString(), "misp feed");
        Assert.Contains(walk.LiveDomain, feed.ToString(), StringComparison.Ordinal);
        Assert.Equal((2, 2), (Count(manifest, "X-Rampart-Withheld"), Count(manifest, "X-Rampart-Not-Live")));

        // Listing is querying, not a block list: the decayed indicators are there, with why; RED is not.
        var list = await client.GetAsync("/api/v1/indicators?source=walk", Ct);
        var listBody = await list.Content.ReadAsStringAsync(Ct);
        AssertNone(walk.Red, listBody, "indicator list");
        Assert.Equal(2, JsonDocument.Parse(listBody).RootElement.GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("lifecycle").GetProperty("status").GetString() == "decayed"));

        var verdicts = await client.PostAsJsonAsync("/api/v1/verdicts", new { values = walk.Forbidden.Append(walk.LiveDomain).ToArray() }, Ct);
        var verdictBody = await verdicts.Content.ReadAsStringAsync(Ct);
        var answers = JsonDocument.Parse(verdictBody).RootElement.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(["clean", "clean", "clean", "clean", "malicious"], answers.Select(v => v.GetProperty("disposition").GetString()));
        Assert.Equal([0, 0, 0, 0, 1], answers.Select(v => v.GetProperty("matches").GetArrayLength()));
        // RED hits are answered as absent, so the caller's count leaves them out too.
        Assert.Equal(0, Count(verdicts, "X-Rampart-Withheld"));

        var rpz = await client.GetAsync("/api/v1/rpz?source=walk&policy=nxdomain", Ct);
        var zone = await rpz.Content.ReadAsStringAsync(Ct);
        Assert.True(rpz.StatusCode == HttpStatusCode.OK, zone);
        AssertNone(walk.Forbidden, zone, "rpz api");
        Assert.Contains($"{walk.LiveDomain}.rpz.rampart.", zone, StringComparison.Ordinal);
        Assert.Equal((1, 1), (Count(rpz, "X-Rampart-Withheld"), Count(rpz, "X-Rampart-Not-Live")));

        // The verb through the server: the list comes capped by the key's ceiling, the verb leaves the decayed ones out.
        var through = RampartCli.StartInfo(walk.Data, "--server", serve.Address.ToString(), "intel", "export", "--format", "hosts");
        through.Environment["RAMPART_API_KEY"] = key;
        var remote = await RampartCli.RunAsync(through, stdin: null);
        Assert.True(remote.ExitCode == 0, remote.Stderr);
        AssertNone(walk.Forbidden, remote.Stdout, "intel export --server");
        Assert.Contains(walk.LiveDomain, remote.Stdout, StringComparison.Ordinal);
        Assert.Contains("left out as not live: decayed 2", remote.Stderr, StringComparison.Ordinal);

        using var taxii = serve.Client(key);
        taxii.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/taxii+json;version=2.1");
        foreach (var endpoint in new[] { "objects/?match[version]=all", "manifest/?match[version]=all" })
        {
            var response = await taxii.GetAsync($"/taxii2/rampart/collections/{collection}/{endpoint}", Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            AssertNone(walk.Red.Concat(walk.RedIds), body, "taxii " + endpoint);
            Assert.All(walk.DecayedIds, id => Assert.Contains(id, body, StringComparison.Ordinal));
        }

        foreach (var id in walk.RedIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await taxii.GetAsync($"/taxii2/rampart/collections/{collection}/objects/{id}/", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task The_zone_served_by_transfer_carries_neither_a_red_nor_a_decayed_indicator()
    {
        const string Dig = "/usr/bin/dig";
        if (!File.Exists(Dig))
        {
            Assert.Skip($"skipped: {Dig} is not installed (apt-get install the packages in .ci/apt/cases.txt)");
        }

        var walk = await PrepareAsync();
        var info = RampartCli.StartInfo(walk.Data, "rpz", "serve", "--source", "walk", "--policy", "nxdomain", "--no-tsig", "--port", "0", "--allow", "127.0.0.1", "--tlp-max", "amber+strict");
        using var serve = Process.Start(info)!;
        try
        {
            var addressFile = Path.Combine(walk.Data, "rpz.json");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(addressFile))
            {
                Assert.True(DateTime.UtcNow < deadline && !serve.HasExited, "rpz serve did not start: " + (serve.HasExited ? await serve.StandardError.ReadToEndAsync(Ct) : ""));
                await Task.Delay(100, Ct);
            }

            var endPoint = IPEndPoint.Parse(JsonDocument.Parse(await File.ReadAllTextAsync(addressFile, Ct)).RootElement.GetProperty("transfer").GetString()!);
            var dig = new ProcessStartInfo(Dig) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var argument in new[] { "@" + endPoint.Address, "-p", endPoint.Port.ToString(CultureInfo.InvariantCulture), "rpz.rampart", "AXFR", "+time=5", "+tries=1" })
            {
                dig.ArgumentList.Add(argument);
            }

            var axfr = await RampartCli.RunAsync(dig, stdin: null);

            Assert.Contains($"{walk.LiveDomain}.rpz.rampart.", axfr.Stdout, StringComparison.Ordinal);
            AssertNone(walk.Forbidden, axfr.Stdout, "AXFR");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync(Ct);
        }
    }

    private static int Count(HttpResponseMessage response, string header) =>
        int.Parse(response.Headers.GetValues(header).Single(), CultureInfo.InvariantCulture);
}
