using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Server.Intel;

namespace Rampart.Server.Tests;

/// <summary>Every API way out of indicators honours the caller's TLP ceiling, says what it withheld, and never serves RED.</summary>
public sealed class MarkingCeilingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One indicator per marking (and one unmarked) under a source of its own: values by level.</summary>
    private async Task<(string Source, Dictionary<string, Indicator> ByLevel)> ImportMarkedAsync()
    {
        var source = "tlp-" + Guid.NewGuid().ToString("N")[..12];
        var levels = new Tlp?[] { null, Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red };
        var batch = levels.Select(l => new NewIndicator(IndicatorValueParser.Parse($"{Name(l)}-{source}.example"), source, 90, Tlp: l)).ToArray();
        await server.App.Services.GetRequiredService<IIndicatorStore>().ImportAsync(batch, ChangeContext.System, Ct);
        var stored = (await server.App.Services.GetRequiredService<IIndicatorStore>().ListAsync(new IndicatorQuery(Source: source), Ct)).Items;
        return (source, stored.ToDictionary(i => Name(i.Tlp), StringComparer.Ordinal));
    }

    private static string Name(Tlp? level) => level is null ? "unmarked" : level.Value.ToWire().Replace('+', '-');

    private async Task<string> KeyAsync(string userName, Tlp? ceiling)
    {
        var user = (await server.App.Services.GetRequiredService<IUserStore>().FindWithHashAsync(userName, Ct))!.Value.User;
        var (token, keyId, hash) = ApiKeyToken.Generate();
        await server.App.Services.GetRequiredService<IApiKeyStore>().CreateAsync(user.Id, "ceiling-test", keyId, hash, ceiling, ChangeContext.System, Ct);
        return token;
    }

    /// <summary>Everything one caller receives for the fixture's indicators, endpoint by endpoint, and what each said it withheld.</summary>
    private static async Task<List<(string Endpoint, string Body, int Withheld)>> EveryWayOutAsync(HttpClient client, string source, IEnumerable<Indicator> indicators)
    {
        var received = new List<(string, string, int)>();

        var list = await client.GetAsync($"/api/v1/indicators?source={source}&limit=1000", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listBody = await list.Content.ReadAsStringAsync(Ct);
        Assert.Equal(Withheld(list), JsonDocument.Parse(listBody).RootElement.GetProperty("withheld").GetInt32());
        received.Add(("list", listBody, Withheld(list)));

        foreach (var indicator in indicators)
        {
            var show = await client.GetAsync($"/api/v1/indicators/{indicator.Id}", Ct);
            Assert.True(show.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"show {indicator.Value}: {show.StatusCode}");
            received.Add(("show", show.StatusCode == HttpStatusCode.OK ? await show.Content.ReadAsStringAsync(Ct) : "", Withheld(show)));
        }

        // The MISP feed, asked for the most a feed may carry; the ceiling caps it.
        var manifest = await client.GetAsync("/api/v1/misp/feed/manifest.json?tlp_max=amber%2Bstrict", Ct);
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        var feed = new StringBuilder(await manifest.Content.ReadAsStringAsync(Ct));
        foreach (var entry in JsonDocument.Parse(feed.ToString()).RootElement.EnumerateObject())
        {
            feed.Append(await client.GetStringAsync($"/api/v1/misp/feed/{entry.Name}.json?tlp_max=amber%2Bstrict", Ct));
        }

        feed.Append(await client.GetStringAsync("/api/v1/misp/feed/hashes.csv?tlp_max=amber%2Bstrict", Ct));
        received.Add(("misp-feed", feed.ToString(), Withheld(manifest)));

        // Files over the API: lists, a STIX bundle and every blocking format, asked for the most there is.
        foreach (var format in new[] { "txt", "csv", "json", "jsonl", "stix", "suricata", "zeek", "hosts", "dnsmasq", "unbound", "ip" })
        {
            var export = await client.GetAsync($"/api/v1/export?format={format}&tlp_max=amber%2Bstrict", Ct);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            received.Add(("export-" + format, await export.Content.ReadAsStringAsync(Ct), Withheld(export)));
        }

        return received;
    }

    private static int Withheld(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(MarkingEnforcement.WithheldHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_green_api_key_never_receives_amber_or_red_on_any_endpoint_and_is_told_how_many_were_withheld()
    {
        var (source, byLevel) = await ImportMarkedAsync();
        using var client = server.Client(await KeyAsync("rita", Tlp.Green));

        var received = await EveryWayOutAsync(client, source, byLevel.Values);

        foreach (var (endpoint, body, _) in received)
        {
            foreach (var level in new[] { "amber", "amber-strict", "red" })
            {
                Assert.DoesNotContain(byLevel[level].Value, body, StringComparison.Ordinal);
            }
        }

        var list = received.Single(r => r.Endpoint == "list");
        Assert.Equal(3, list.Withheld);
        foreach (var level in new[] { "unmarked", "clear", "green" })
        {
            Assert.Contains(byLevel[level].Value, list.Body, StringComparison.Ordinal);
            Assert.Contains(byLevel[level].Value, received.Single(r => r.Endpoint == "misp-feed").Body, StringComparison.Ordinal);
        }

        Assert.Equal(3, received.Count(r => r.Endpoint == "show" && r.Withheld == 1));
        Assert.True(received.Single(r => r.Endpoint == "misp-feed").Withheld >= 3);
        Assert.All(received.Where(r => r.Endpoint.StartsWith("export-", StringComparison.Ordinal)), r => Assert.True(r.Withheld >= 3, $"{r.Endpoint} withheld {r.Withheld}"));
        foreach (var format in new[] { "export-txt", "export-stix", "export-hosts", "export-zeek" })
        {
            Assert.Contains(byLevel["green"].Value, received.Single(r => r.Endpoint == format).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_default_api_key_ceiling_is_green_and_a_session_user_gets_amber()
    {
        var (source, byLevel) = await ImportMarkedAsync();
        using var key = server.Client(server.ReaderKey);
        var keyList = await key.GetAsync($"/api/v1/indicators?source={source}", Ct);
        Assert.Equal("green", keyList.Headers.GetValues(MarkingEnforcement.CeilingHeader).Single());
        Assert.DoesNotContain(byLevel["amber"].Value, await keyList.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var session = await server.SignedInAsync("rita", "reader password 1");
        var sessionList = await session.GetAsync($"/api/v1/indicators?source={source}", Ct);
        var body = await sessionList.Content.ReadAsStringAsync(Ct);
        Assert.Equal("amber", sessionList.Headers.GetValues(MarkingEnforcement.CeilingHeader).Single());
        Assert.Contains(byLevel["amber"].Value, body, StringComparison.Ordinal);
        Assert.DoesNotContain(byLevel["amber-strict"].Value, body, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(body).RootElement.GetProperty("withheld").GetInt32());
    }

    [Fact]
    public async Task Red_is_never_served_even_to_an_admin_cleared_for_amber_strict()
    {
        var (source, byLevel) = await ImportMarkedAsync();
        // A key is capped at its user's ceiling (AMBER by default): clear both for the most there is.
        await server.App.Services.GetRequiredService<IUserStore>().SetTlpMaxAsync("admin", Tlp.AmberStrict, ChangeContext.System, Ct);
        using var admin = server.Client(await KeyAsync("admin", Tlp.AmberStrict));

        var received = await EveryWayOutAsync(admin, source, byLevel.Values);

        Assert.All(received, r => Assert.DoesNotContain(byLevel["red"].Value, r.Body, StringComparison.Ordinal));
        var list = received.Single(r => r.Endpoint == "list");
        Assert.Equal(1, list.Withheld);
        Assert.Contains(byLevel["amber-strict"].Value, list.Body, StringComparison.Ordinal);
        Assert.Contains(byLevel["amber"].Value, received.Single(r => r.Endpoint == "misp-feed").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_never_receives_more_than_its_user_and_red_cannot_be_a_ceiling()
    {
        var users = server.App.Services.GetRequiredService<IUserStore>();
        var name = "gail-" + Guid.NewGuid().ToString("N")[..8];
        await users.CreateAsync(name, Role.Reader, PasswordHasher.Hash("green user password"), Tlp.Green, ChangeContext.System, Ct);
        using var client = server.Client(await KeyAsync(name, Tlp.AmberStrict));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me", Ct);
        Assert.Equal("green", me.GetProperty("tlp_max").GetString());

        using var admin = server.Client(server.AdminKey);
        var refused = await admin.PostAsJsonAsync("/api/v1/apikeys", new { name = "x", user = name, tlp_max = "red" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { name = name + "-b", role = "reader", password = "another password", tlp_max = "clear" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Tlp.Clear, (await users.FindWithHashAsync(name + "-b", Ct))!.Value.User.TlpMax);
    }
}
