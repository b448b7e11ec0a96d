using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Rampart.Server.Tests;

public sealed class AuthenticationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly object Indicator = new { value = "auth-test-evil.example", source = "test" };

    [Fact]
    public async Task Health_answers_without_credentials()
    {
        using var client = server.Client();
        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/indicators")]
    [InlineData("/api/v1/actors?name=apt28")]
    [InlineData("/api/v1/status")]
    [InlineData("/openapi/v1.json")]
    public async Task Everything_but_health_refuses_anonymous_callers(string path)
    {
        using var client = server.Client();
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_api_key_opens_the_api()
    {
        using var client = server.Client(server.ReaderKey);
        var response = await client.GetAsync("/api/v1/indicators", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("/api/v1/verdicts", openApi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rpk_0000000000000000_notthesecret")]
    [InlineData("not-a-key")]
    public async Task A_wrong_or_malformed_api_key_is_refused(string key)
    {
        using var client = server.Client(key);
        var response = await client.GetAsync("/api/v1/indicators", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_tampered_secret_of_a_real_key_is_refused()
    {
        var key = await server.CreateKeyAsync("rita");
        using var client = server.Client(key[..^2] + (key[^1] == 'a' ? "bb" : "aa"));
        var response = await client.GetAsync("/api/v1/indicators", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_reader_cannot_change_indicators_and_an_analyst_can()
    {
        using var reader = server.Client(server.ReaderKey);
        var refused = await reader.PostAsJsonAsync("/api/v1/indicators", Indicator, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var analyst = server.Client(await server.CreateKeyAsync("ana"));
        var accepted = await analyst.PostAsJsonAsync("/api/v1/indicators", new { value = "analyst-made.example", source = "test" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task A_cookie_session_post_without_an_antiforgery_token_is_rejected_and_changes_nothing()
    {
        using var session = await server.SignedInAsync("admin", ServerFixture.AdminPassword);
        var before = await CountAsync("csrf-test.example");

        var forged = await session.PostAsJsonAsync("/api/v1/indicators", new { value = "csrf-test.example", source = "test" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await CountAsync("csrf-test.example"));

        var token = await session.GetFromJsonAsync<JsonElement>("/api/v1/auth/antiforgery", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/indicators")
        {
            Content = JsonContent.Create(new { value = "csrf-test.example", source = "test" }),
        };
        request.Headers.Add(token.GetProperty("header_name").GetString()!, token.GetProperty("token").GetString());
        var genuine = await session.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(before + 1, await CountAsync("csrf-test.example"));
    }

    [Fact]
    public async Task The_session_cookie_is_httponly_and_samesite_strict()
    {
        using var client = server.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { user_name = "admin", password = ServerFixture.AdminPassword }, TestContext.Current.CancellationToken);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rampart.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        using var client = server.Client();
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { user_name = "nobody-" + Guid.NewGuid(), password = "x" }, TestContext.Current.CancellationToken);
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { user_name = "ana", password = "wrong password" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var unknownBody = await unknown.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var wrongBody = await wrong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(unknownBody.GetProperty("detail").GetString(), wrongBody.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Repeated_failed_logins_are_throttled_even_with_the_right_password_after()
    {
        await server.App.Services.GetRequiredService<Rampart.Core.Identity.IUserStore>()
            .CreateAsync("throttled", Rampart.Core.Identity.Role.Reader, Rampart.Core.Identity.PasswordHasher.Hash("the right password"), Rampart.Core.Auditing.ChangeContext.System, TestContext.Current.CancellationToken);
        using var client = server.Client();
        for (var i = 0; i < Rampart.Server.Platform.Auth.LoginThrottle.FreeAttempts; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { user_name = "throttled", password = "guess " + i }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var blocked = await client.PostAsJsonAsync("/api/v1/auth/login", new { user_name = "throttled", password = "the right password" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
    }

    private async Task<int> CountAsync(string value)
    {
        using var client = server.Client(server.AdminKey);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators?limit=1000", TestContext.Current.CancellationToken);
        return page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("value").GetString() == value);
    }
}
