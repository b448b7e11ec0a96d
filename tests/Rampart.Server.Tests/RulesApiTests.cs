using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rampart.Server.Tests;

public sealed class RulesApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Rule = """
        title: Federated domain added
        id: 42127bdd-9133-474f-a6f1-97b6c08a4339
        logsource:
            product: m365
            service: exchange
        detection:
            selection:
                eventSource: Exchange
                eventName: Add-FederatedDomain
            condition: selection
        level: medium
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rule_file_is_stored_listed_and_disabled()
    {
        using var analyst = server.Client(server.AdminKey);
        var upload = await analyst.PostAsJsonAsync("/api/v1/rules", new { yaml = Rule, source = "federated.yml" }, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        using var reader = server.Client(server.ReaderKey);
        var listed = await reader.GetFromJsonAsync<JsonElement>("/api/v1/rules?product=m365", Ct);
        var rule = Assert.Single(listed.EnumerateArray(), r => r.GetProperty("id").GetString() == "42127bdd-9133-474f-a6f1-97b6c08a4339");
        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.Equal("exchange", rule.GetProperty("service").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsync("/api/v1/rules/42127bdd-9133-474f-a6f1-97b6c08a4339/disable", null, Ct)).StatusCode);
        var stored = await reader.GetFromJsonAsync<JsonElement>("/api/v1/rules/42127bdd-9133-474f-a6f1-97b6c08a4339", Ct);
        Assert.False(stored.GetProperty("enabled").GetBoolean());
        Assert.Contains("Add-FederatedDomain", stored.GetProperty("yaml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_a_rule_that_cannot_load_is_refused_with_the_line()
    {
        using var analyst = server.Client(server.AdminKey);
        var response = await analyst.PostAsJsonAsync("/api/v1/rules", new { yaml = Rule.Replace("eventName:", "eventName|nosuch:", StringComparison.Ordinal), source = "bad.yml" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(9, error.GetProperty("line").GetInt32());
        Assert.Contains("unknown modifier 'nosuch'", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_cannot_store_rules()
    {
        using var reader = server.Client(server.ReaderKey);
        var response = await reader.PostAsJsonAsync("/api/v1/rules", new { yaml = Rule }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
