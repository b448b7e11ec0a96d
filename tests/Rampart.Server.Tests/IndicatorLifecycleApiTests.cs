using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;

namespace Rampart.Server.Tests;

public sealed class IndicatorLifecycleApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_decayed_indicator_is_not_matched_but_is_listed_with_why_and_a_sighting_brings_it_back()
    {
        var source = "decay-" + Guid.NewGuid().ToString("N")[..12];
        await server.App.Services.GetRequiredService<IIndicatorStore>().ImportAsync(
            [
                new NewIndicator(IndicatorValueParser.Parse("198.51.100.201"), source, 90, ValidFrom: DateTimeOffset.UtcNow.AddDays(-45)),
                new NewIndicator(IndicatorValueParser.Parse("198.51.100.202"), source, 90),
            ],
            ChangeContext.System,
            Ct);
        using var client = server.Client(server.AdminKey);

        // Both came in one transaction: once the fresh one matches, the index holds that revision.
        await WaitForAsync(client, "198.51.100.202", malicious: true);
        Assert.False(await IsMaliciousAsync(client, "198.51.100.201"));

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?source={source}", Ct);
        var old = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("value").GetString() == "198.51.100.201");
        Assert.Equal("decayed", old.GetProperty("lifecycle").GetProperty("status").GetString());
        Assert.Equal(0, old.GetProperty("lifecycle").GetProperty("score").GetDouble());
        Assert.StartsWith("decayed: score 0 < threshold 30", old.GetProperty("lifecycle").GetProperty("why").GetString(), StringComparison.Ordinal);

        var sighted = await client.PostAsJsonAsync($"/api/v1/indicators/{old.GetProperty("id").GetString()}/sightings", new { source = "soc" }, Ct);
        Assert.Equal(HttpStatusCode.OK, sighted.StatusCode);
        var standing = (await sighted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("lifecycle");
        Assert.Equal("live", standing.GetProperty("status").GetString());
        Assert.Equal(90, standing.GetProperty("score").GetDouble(), 0);
        await WaitForAsync(client, "198.51.100.201", malicious: true);
    }

    [Fact]
    public async Task False_positive_sightings_lower_confidence_until_the_indicator_stops_matching()
    {
        var source = "fp-" + Guid.NewGuid().ToString("N")[..12];
        await server.App.Services.GetRequiredService<IIndicatorStore>().ImportAsync(
            [new NewIndicator(IndicatorValueParser.Parse("198.51.100.203"), source, 70)], ChangeContext.System, Ct);
        using var client = server.Client(server.AdminKey);
        await WaitForAsync(client, "198.51.100.203", malicious: true);
        var id = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?source={source}", Ct)).GetProperty("items")[0].GetProperty("id").GetString();

        var first = await (await client.PostAsJsonAsync($"/api/v1/indicators/{id}/sightings", new { false_positive = true }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(45, first.GetProperty("lifecycle").GetProperty("confidence").GetInt32());
        Assert.Equal(70, first.GetProperty("confidence").GetInt32());
        Assert.Equal("live", first.GetProperty("lifecycle").GetProperty("status").GetString());

        var second = await (await client.PostAsJsonAsync($"/api/v1/indicators/{id}/sightings", new { false_positive = true }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(20, second.GetProperty("lifecycle").GetProperty("confidence").GetInt32());
        Assert.Equal("decayed", second.GetProperty("lifecycle").GetProperty("status").GetString());
        await WaitForAsync(client, "198.51.100.203", malicious: false);
    }

    [Fact]
    public async Task A_sighting_of_an_unknown_indicator_is_404_and_one_from_the_future_is_400()
    {
        using var client = server.Client(server.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/indicators/indicator--nope/sightings", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/indicators/indicator--nope/sightings", new { seen_at = DateTimeOffset.UtcNow.AddDays(2) }, Ct)).StatusCode);
    }

    private static async Task<bool> IsMaliciousAsync(HttpClient client, string value)
    {
        var response = await client.PostAsJsonAsync("/api/v1/verdicts", new { values = new[] { value } }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verdict = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("verdicts")[0];
        return verdict.GetProperty("disposition").GetString() == "malicious";
    }

    private static async Task WaitForAsync(HttpClient client, string value, bool malicious)
    {
        var clock = Stopwatch.StartNew();
        while (await IsMaliciousAsync(client, value) != malicious)
        {
            Assert.True(clock.Elapsed < Deadline, $"{value} was still {(malicious ? "not " : "")}malicious after {Deadline}");
            await Task.Delay(25, Ct);
        }
    }
}
