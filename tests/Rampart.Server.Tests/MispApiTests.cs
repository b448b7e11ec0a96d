using System.Net;
using System.Text;
using System.Text.Json;

namespace Rampart.Server.Tests;

public sealed class MispApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Event = """
        {"Event": {"uuid": "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "info": "api feed", "Tag": [{"name": "tlp:green"}], "Attribute": [
          {"type": "domain", "to_ids": true, "value": "misp-api-lure.example"},
          {"type": "domain", "to_ids": true, "value": "misp-api-secret.example", "Tag": [{"name": "tlp:red"}]},
          {"type": "domain", "to_ids": true, "value": "login.microsoftonline.com"},
          {"type": "ip-dst", "to_ids": true, "value": "not an address"}
        ]}}
        """;

    [Fact]
    public async Task A_posted_event_imports_reports_its_problems_and_the_feed_never_carries_red()
    {
        using var analyst = server.Client(server.AdminKey);
        var posted = await analyst.PostAsync("/api/v1/misp/events?source=misp:api-test", new StringContent(Event, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var report = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(2, report.GetProperty("indicators").GetInt32());
        Assert.Equal(1, report.GetProperty("warned").GetInt32());
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("request:4: field 'Attribute[2].value'", StringComparison.Ordinal) && p.Contains("warninglist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("request:5: field 'Attribute[3].value'", StringComparison.Ordinal));

        using var reader = server.Client(server.ReaderKey);
        var manifest = JsonDocument.Parse(await reader.GetStringAsync("/api/v1/misp/feed/manifest.json?tlp_max=amber%2Bstrict", TestContext.Current.CancellationToken)).RootElement;
        var events = new StringBuilder();
        foreach (var entry in manifest.EnumerateObject())
        {
            events.Append(await reader.GetStringAsync($"/api/v1/misp/feed/{entry.Name}.json?tlp_max=amber%2Bstrict", TestContext.Current.CancellationToken));
        }

        var hashes = await reader.GetStringAsync("/api/v1/misp/feed/hashes.csv", TestContext.Current.CancellationToken);
        Assert.Contains("misp-api-lure.example", events.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("misp-api-secret.example", events.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("login.microsoftonline.com", events.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(hashes);
    }

    [Theory]
    [InlineData("/api/v1/misp/feed/manifest.json?tlp_max=red", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/misp/feed/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/misp/feed/00000000-0000-4000-8000-000000000000.json", HttpStatusCode.NotFound)]
    public async Task The_feed_refuses_red_and_serves_only_its_own_files(string path, HttpStatusCode expected)
    {
        using var reader = server.Client(server.ReaderKey);
        var response = await reader.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_imports_nothing_and_says_where()
    {
        using var analyst = server.Client(server.AdminKey);
        var posted = await analyst.PostAsync("/api/v1/misp/events", new StringContent("{\"Event\": {\n\"uuid\": \"x\"}}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("field 'uuid': 'x' is not a UUID", await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
