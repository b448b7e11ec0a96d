using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Rampart.Tests;

/// <summary>
/// A CERT shares a takedown case's infrastructure: <c>rampart taxii collection new --kind case</c>,
/// <c>grant</c>, a partner reads it from <c>serve</c> over TAXII, <c>revoke</c> ends that; each verb
/// names what is wrong with a bad request.
/// </summary>
public sealed class TaxiiCollectionVerbTests
{
    private const string Password = "collection verbs admin password";

    [Fact]
    public async Task A_case_collection_is_defined_granted_read_by_a_partner_and_revoked_from_the_command_line()
    {
        var data = RampartCli.NewDataFolder();
        var indicator = $"indicator--{Guid.NewGuid()}";
        var bundle = RampartCli.WriteFile(data, "lures.json", $$"""
            {"type":"bundle","id":"bundle--{{Guid.NewGuid()}}","objects":[
             {"type":"indicator","spec_version":"2.1","id":"{{indicator}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern":"[domain-name:value = 'hotrnall.com']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"},
             {"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern":"[domain-name:value = 'unrelated.example']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}]}
            """);
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", bundle)).ExitCode);
        var caseId = (await RampartCli.RunAsync(data, "case", "new", "THALLIUM lures")).Stdout.Trim();
        Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "add", caseId, "hotrnall[.]com")).ExitCode);
        Assert.Equal(0, (await RampartCli.RunAsync(RampartCli.StartInfo(data, "users", "add", "cert", "--password-stdin"), "cert password\n")).ExitCode);

        var unknownCase = await RampartCli.RunAsync(data, "taxii", "collection", "new", "Seized", "--kind", "case", "--of", "case--nope");
        var created = await RampartCli.RunAsync(data, "taxii", "collection", "new", "Seized", "--kind", "case", "--of", caseId, "--alias", "seized");
        var noRights = await RampartCli.RunAsync(data, "taxii", "collection", "grant", "seized", "cert");
        var writeView = await RampartCli.RunAsync(data, "taxii", "collection", "grant", "seized", "cert", "--write");
        var ghost = await RampartCli.RunAsync(data, "taxii", "collection", "grant", "seized", "ghost", "--read");
        var granted = await RampartCli.RunAsync(data, "taxii", "collection", "grant", "seized", "cert", "--read", "--clearance", "amber");
        var listed = await RampartCli.RunAsync(data, "taxii", "collection", "list", "--format", "json");

        Assert.Equal(1, unknownCase.ExitCode);
        Assert.Contains("--of: no case 'case--nope'", unknownCase.Stderr, StringComparison.Ordinal);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var collection = created.Stdout.Split('\n')[0].Trim();
        Assert.Contains("--read, --write or both", noRights.Stderr, StringComparison.Ordinal);
        Assert.Contains("only inbox collections take objects", writeView.Stderr, StringComparison.Ordinal);
        Assert.Contains("no user 'ghost'", ghost.Stderr, StringComparison.Ordinal);
        Assert.True(granted.ExitCode == 0, granted.Stderr);
        var entry = JsonDocument.Parse(listed.Stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(caseId, entry.GetProperty("collection").GetProperty("argument").GetString());
        Assert.Equal("cert", entry.GetProperty("grants")[0].GetProperty("grantee").GetString());

        await using var serve = await ServeProcess.StartAsync(data, Password);
        using var partner = new HttpClient { BaseAddress = serve.Address };
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cert:cert password")));
        partner.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/taxii+json;version=2.1");
        var objects = $"/taxii2/rampart/collections/{collection}/objects/";
        var read = await partner.GetAsync(objects, TestContext.Current.CancellationToken);
        var envelope = JsonDocument.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        var revoked = await RampartCli.RunAsync(data, "taxii", "collection", "revoke", "seized", "cert");
        var again = await RampartCli.RunAsync(data, "taxii", "collection", "revoke", "seized", "cert");
        var after = await partner.GetAsync(objects, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal([indicator], envelope.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.True(revoked.ExitCode == 0, revoked.Stderr);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("has no grant", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }
}
