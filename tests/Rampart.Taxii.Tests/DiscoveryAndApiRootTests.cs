using System.Net;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

[Collection(TaxiiServerCollection.Name)]
public sealed class DiscoveryAndApiRootTests(TaxiiServerFixture server)
{
    // §4.1 Server Discovery: "GET /taxii2/" returns a discovery resource (§4.1.1: title required; default, api_roots).
    [Fact]
    public async Task Discovery_at_taxii2_names_the_api_root_as_default_and_in_api_roots()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync("/taxii2/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        var root = new Uri(server.BaseAddress, TaxiiServerFixture.Root).ToString();
        Assert.Equal(root, body.GetProperty("default").GetString());
        Assert.Contains(root, body.GetProperty("api_roots").EnumerateArray().Select(r => r.GetString()));
    }

    // §4.2.1 api-root resource: "versions" (MUST include application/taxii+json;version=2.1) and "max_content_length" are required.
    [Fact]
    public async Task The_api_root_lists_taxii_2_1_among_its_versions_and_its_max_content_length()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        Assert.Contains(TaxiiType, body.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(TaxiiServerFixture.MaxContentLength, body.GetProperty("max_content_length").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
    }

    // §1.6.9: without an acceptable Authorization header "the TAXII Server will respond with an HTTP 401 (Unauthorized) status code and a WWW-Authenticate HTTP header"; §3.6.1 error body.
    [Theory]
    [InlineData("/taxii2/")]
    [InlineData(TaxiiServerFixture.Root)]
    [InlineData(TaxiiServerFixture.Root + "collections/")]
    public async Task A_request_without_credentials_is_401_with_a_basic_challenge_and_an_error_body(string path)
    {
        var (response, body) = await server.Client(null).GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(TaxiiType, response.ContentType());
        AssertError(body, 401);
    }

    [Fact]
    public async Task A_wrong_password_is_401()
    {
        var (response, body) = await server.Client("rita", "not her password").GetJsonAsync("/taxii2/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertError(body, 401);
    }

    // §3.1: "Requests with media types in the Accept headers that are not defined for that Endpoint MAY ... result in an HTTP 406 (Not Acceptable) response"; we do.
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/taxii+json;version=2.0")]
    [InlineData("text/html")]
    public async Task An_accept_header_without_taxii_2_1_is_406_with_an_error_body(string accept)
    {
        var (response, body) = await server.Client("rita", accept: accept).GetJsonAsync("/taxii2/");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        AssertError(body, 406);
    }

    // §1.6.8.2: "application/taxii+json" means the "Latest version of TAXII that the server supports", here 2.1.
    [Fact]
    public async Task Taxii_json_without_a_version_parameter_is_accepted_as_2_1()
    {
        var (response, _) = await server.Client("rita", accept: "application/taxii+json").GetJsonAsync("/taxii2/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
    }

    // Collections are TAXII resources, never STIX: the STIX media type alone is not acceptable there.
    [Fact]
    public async Task The_stix_media_type_is_not_acceptable_for_collections()
    {
        var (response, body) = await server.Client("rita", accept: "application/stix+json;version=2.1").GetJsonAsync(TaxiiServerFixture.Root + "collections/");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        AssertError(body, 406);
    }

    [Fact]
    public async Task An_api_key_works_as_the_basic_password_and_as_a_bearer_token()
    {
        var token = await CreateKeyAsync("rita");
        using var basic = server.Client("rita", token);
        using var bearer = server.Client(null);
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync("/taxii2/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/taxii2/", Ct)).StatusCode);
    }

    private async Task<string> CreateKeyAsync(string userName)
    {
        var services = server.App.Services;
        var user = (await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Identity.IUserStore>(services).FindWithHashAsync(userName, Ct))!.Value.User;
        var (token, keyId, hash) = Core.Identity.ApiKeyToken.Generate();
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Identity.IApiKeyStore>(services)
            .CreateAsync(user.Id, "taxii test", keyId, hash, Core.Auditing.ChangeContext.System, Ct);
        return token;
    }
}
