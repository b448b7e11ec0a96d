using System.Net;

namespace Rampart.Server.Tests;

public sealed class SessionPersistenceTests
{
    [Fact]
    public async Task A_session_survives_a_restart_because_the_keys_are_in_the_store()
    {
        var data = Path.Combine(Path.GetTempPath(), "rampart-session-" + Guid.NewGuid().ToString("N"));
        var cookies = new CookieContainer();
        var (first, firstAddress) = await ServerFixture.StartAsync(data);
        await using (first)
        {
            using var login = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = firstAddress };
            var response = await login.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { user_name = "admin", password = ServerFixture.AdminPassword }), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (second, secondAddress) = await ServerFixture.StartAsync(data);
        await using (second)
        {
            // The cookie was issued for the first address; carry it over to the second port by hand.
            var session = cookies.GetCookies(firstAddress)["rampart.session"]!;
            using var client = new HttpClient { BaseAddress = secondAddress };
            client.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}");
            var me = await client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        Directory.Delete(data, recursive: true);
    }
}
