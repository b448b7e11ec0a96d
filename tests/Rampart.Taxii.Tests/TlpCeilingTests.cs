using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Markings;
using Rampart.Taxii.Collections;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

/// <summary>
/// A grant's clearance never lifts a caller above their own TLP ceiling: a user cleared for GREEN
/// holding a grant with AMBER clearance, and a GREEN API key of a user cleared (and granted) AMBER,
/// both see the collection as a GREEN reader does, on every endpoint that returns objects.
/// </summary>
[Collection(TaxiiServerCollection.Name)]
public sealed class TlpCeilingTests(TaxiiServerFixture server)
{
    private string Collection => TaxiiServerFixture.Root + $"collections/{server.All.Id}/";

    /// <summary>A user with its own ceiling and a grant on the fixture's "all" collection with AMBER clearance.</summary>
    private async Task<string> GrantedAmberAsync(Tlp? userCeiling)
    {
        var name = "ceiling-" + Guid.NewGuid().ToString("N")[..8];
        await server.App.Services.GetRequiredService<IUserStore>().CreateAsync(name, Role.Reader, PasswordHasher.Hash(name + " password"), userCeiling, ChangeContext.System, Ct);
        await server.App.Services.GetRequiredService<ITaxiiStore>().GrantAsync(new TaxiiGrant(server.All.Id, name, true, false, Tlp.Amber), ChangeContext.System, Ct);
        return name;
    }

    private async Task<HttpClient> KeyClientAsync(string userName, Tlp keyCeiling)
    {
        var user = (await server.App.Services.GetRequiredService<IUserStore>().FindWithHashAsync(userName, Ct))!.Value.User;
        var (token, keyId, hash) = ApiKeyToken.Generate();
        await server.App.Services.GetRequiredService<IApiKeyStore>().CreateAsync(user.Id, "taxii", keyId, hash, keyCeiling, ChangeContext.System, Ct);
        var client = server.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>What a caller gets of the AMBER object on objects, by id, versions and manifest; and whether GREEN is still there.</summary>
    private async Task AssertSeesGreenButNotAmberAsync(HttpClient client)
    {
        var (_, objects) = await client.GetJsonAsync(Collection + "objects/?match[version]=all");
        var (byId, _) = await client.GetJsonAsync(Collection + $"objects/{server.AmberId}/");
        var (versions, _) = await client.GetJsonAsync(Collection + $"objects/{server.AmberId}/versions/");
        var (_, manifest) = await client.GetJsonAsync(Collection + "manifest/?match[version]=all");

        Assert.Contains(server.GreenId, objects.Ids());
        Assert.DoesNotContain(server.AmberId, objects.Ids());
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, versions.StatusCode);
        Assert.Contains(server.GreenId, manifest.Ids());
        Assert.DoesNotContain(server.AmberId, manifest.Ids());
        Assert.DoesNotContain(server.RedId, objects.Ids());
    }

    [Fact]
    public async Task A_user_cleared_for_green_with_an_amber_grant_sees_no_amber_object_on_any_endpoint()
    {
        var name = await GrantedAmberAsync(Tlp.Green);

        await AssertSeesGreenButNotAmberAsync(server.Client(name));
    }

    [Fact]
    public async Task A_green_api_key_of_a_user_cleared_and_granted_amber_sees_no_amber_object_on_any_endpoint()
    {
        var name = await GrantedAmberAsync(userCeiling: null);
        using var key = await KeyClientAsync(name, Tlp.Green);

        await AssertSeesGreenButNotAmberAsync(key);

        // The same user with a password reaches AMBER: the key's ceiling is what held it back.
        var (_, objects) = await server.Client(name).GetJsonAsync(Collection + "objects/?match[version]=all");
        Assert.Contains(server.AmberId, objects.Ids());
    }
}
