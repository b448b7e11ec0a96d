using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Server.Detection;
using Rampart.Server.Intel;

namespace Rampart.Server.Tests;

/// <summary>
/// The verdicts API and the RPZ API are ways out too. A hit above the caller's ceiling protects
/// without its details; a RED hit is not there at all; an RPZ indicator set holds only what the
/// caller may receive and only live indicators; each says what it left out.
/// </summary>
public sealed class VerdictAndRpzMarkingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A domain per level, each under a source naming its level, and one decayed (confidence 10, below the threshold of 30) marked GREEN.</summary>
    private async Task<(string Run, Dictionary<string, string> Domains)> ImportAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var levels = new (string Name, Tlp? Tlp, int Confidence)[] { ("green", Tlp.Green, 90), ("amber", Tlp.Amber, 80), ("red", Tlp.Red, 95), ("decayed", Tlp.Green, 10) };
        var domains = levels.ToDictionary(l => l.Name, l => $"{l.Name}-{run}.example", StringComparer.Ordinal);
        var batch = levels.Select(l => new NewIndicator(IndicatorValueParser.Parse(domains[l.Name]), $"{run}-{l.Name}", l.Confidence, Tlp: l.Tlp)).ToArray();
        await server.App.Services.GetRequiredService<IIndicatorStore>().ImportAsync(batch, ChangeContext.System, Ct);
        return (run, domains);
    }

    private static async Task<(JsonElement Verdicts, int Withheld, string Body)> CheckAsync(HttpClient client, params string[] values)
    {
        var response = await client.PostAsJsonAsync("/api/v1/verdicts", new { values }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var withheld = int.Parse(response.Headers.GetValues(MarkingEnforcement.WithheldHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(withheld, root.GetProperty("withheld").GetInt32());
        return (root.GetProperty("verdicts"), withheld, body);
    }

    /// <summary>Waits until the index enforces the GREEN domain, so every domain of the batch is in it.</summary>
    private static async Task WaitUntilEnforcedAsync(HttpClient client, string value)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await CheckAsync(client, value)).Verdicts[0].GetProperty("disposition").GetString() != "malicious")
        {
            Assert.True(DateTime.UtcNow < deadline, $"{value} was not enforced within 30 s");
            await Task.Delay(100, Ct);
        }
    }

    private async Task<HttpClient> KeyClientAsync(string userName, Tlp ceiling)
    {
        var user = (await server.App.Services.GetRequiredService<IUserStore>().FindWithHashAsync(userName, Ct))!.Value.User;
        var (token, keyId, hash) = ApiKeyToken.Generate();
        await server.App.Services.GetRequiredService<IApiKeyStore>().CreateAsync(user.Id, "marking-test", keyId, hash, ceiling, ChangeContext.System, Ct);
        return server.Client(token);
    }

    [Fact]
    public async Task A_green_key_is_protected_by_an_amber_hit_without_its_details_and_gets_nothing_of_a_red_one()
    {
        var (run, domains) = await ImportAsync();
        using var green = server.Client(server.ReaderKey);
        await WaitUntilEnforcedAsync(green, domains["green"]);

        var (verdicts, withheld, body) = await CheckAsync(green, domains["green"], "www." + domains["amber"], "x." + domains["red"], domains["decayed"]);

        Assert.Equal("malicious", verdicts[0].GetProperty("disposition").GetString());
        Assert.Equal(domains["green"], verdicts[0].GetProperty("matches")[0].GetProperty("value").GetString());

        var amber = verdicts[1];
        Assert.Equal("malicious", amber.GetProperty("disposition").GetString());
        Assert.Equal(80, amber.GetProperty("score").GetInt32());
        Assert.Equal(0, amber.GetProperty("matches").GetArrayLength());
        Assert.Equal(VerdictMarkings.WithheldCode, amber.GetProperty("reasons")[0].GetProperty("code").GetString());

        var red = verdicts[2];
        Assert.Equal("clean", red.GetProperty("disposition").GetString());
        Assert.Equal(0, red.GetProperty("score").GetInt32());
        Assert.Equal(0, red.GetProperty("matches").GetArrayLength());

        // Decayed indicators are not in the index: no verdict names them, whatever the ceiling.
        Assert.Equal("clean", verdicts[3].GetProperty("disposition").GetString());

        // The amber hit only: a red one is answered as absent, and a count would say it exists.
        Assert.Equal(1, withheld);
        foreach (var level in new[] { "amber", "red", "decayed" })
        {
            Assert.DoesNotContain($"{run}-{level}", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"value\":\"" + domains["amber"], body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"value\":\"" + domains["red"], body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_cleared_for_amber_strict_gets_amber_details_but_a_red_hit_still_is_not_there()
    {
        var (run, domains) = await ImportAsync();
        await server.App.Services.GetRequiredService<IUserStore>().SetTlpMaxAsync("admin", Tlp.AmberStrict, ChangeContext.System, Ct);
        using var admin = await KeyClientAsync("admin", Tlp.AmberStrict);
        await WaitUntilEnforcedAsync(admin, domains["green"]);

        var (verdicts, withheld, body) = await CheckAsync(admin, domains["amber"], domains["red"]);

        Assert.Equal(domains["amber"], verdicts[0].GetProperty("matches")[0].GetProperty("value").GetString());
        Assert.Contains($"{run}-amber", body, StringComparison.Ordinal);
        Assert.Equal("clean", verdicts[1].GetProperty("disposition").GetString());
        Assert.DoesNotContain($"{run}-red", body, StringComparison.Ordinal);
        Assert.Equal(0, withheld);
    }

    [Fact]
    public async Task An_rpz_of_indicators_holds_only_live_ones_within_the_callers_ceiling_and_says_what_it_left_out()
    {
        var (run, domains) = await ImportAsync();
        using var green = server.Client(server.ReaderKey);
        var sources = new[] { "green", "amber", "red", "decayed" };
        var zones = new List<(string Level, string Zone, int Withheld, int NotLive)>();
        foreach (var level in sources)
        {
            var response = await green.GetAsync($"/api/v1/rpz?source={run}-{level}&policy=nxdomain", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            zones.Add((level, await response.Content.ReadAsStringAsync(Ct),
                int.Parse(response.Headers.GetValues(MarkingEnforcement.WithheldHeader).Single(), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(response.Headers.GetValues(NotLiveReporting.NotLiveHeader).Single(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Contains($"{domains["green"]}.rpz.rampart.", zones[0].Zone, StringComparison.Ordinal);
        Assert.Equal((0, 0), (zones[0].Withheld, zones[0].NotLive));
        foreach (var (level, zone, _, _) in zones.Skip(1))
        {
            Assert.DoesNotContain(domains[level], zone, StringComparison.Ordinal);
        }

        Assert.Equal((1, 0), (zones[1].Withheld, zones[1].NotLive));
        Assert.Equal((1, 0), (zones[2].Withheld, zones[2].NotLive));
        Assert.Equal((0, 1), (zones[3].Withheld, zones[3].NotLive));
        Assert.Contains("; indicators: held back by TLP (ceiling green): red 1", zones[2].Zone, StringComparison.Ordinal);
        Assert.Contains("left out as not live: decayed 1", zones[3].Zone, StringComparison.Ordinal);

        // Asking for less than the ceiling is honoured; asking for RED is refused.
        var lowered = await green.GetAsync($"/api/v1/rpz?source={run}-green&policy=nxdomain&tlp_max=clear", Ct);
        Assert.DoesNotContain(domains["green"], await lowered.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await green.GetAsync($"/api/v1/rpz?source={run}-green&policy=nxdomain&tlp_max=red", Ct)).StatusCode);
    }
}
