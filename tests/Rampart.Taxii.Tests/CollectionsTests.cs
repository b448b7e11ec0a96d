using System.Net;
using System.Text.Json;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

[Collection(TaxiiServerCollection.Name)]
public sealed class CollectionsTests(TaxiiServerFixture server)
{
    // §5.1 Get Collections: the collections resource lists what this user can see, each with can_read/can_write (§5.2.1).
    [Fact]
    public async Task Collections_lists_only_what_the_user_has_rights_on_with_their_can_read_and_can_write()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + "collections/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        var collections = body.GetProperty("collections").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Contains(server.All.Id, collections.Keys);
        Assert.Contains(server.Indicators.Id, collections.Keys);
        Assert.Contains(server.Inbox.Id, collections.Keys);
        Assert.DoesNotContain(server.Hidden.Id, collections.Keys);
        Assert.True(collections[server.Inbox.Id].GetProperty("can_write").GetBoolean());
        Assert.False(collections[server.All.Id].GetProperty("can_write").GetBoolean());
        Assert.True(collections[server.All.Id].GetProperty("can_read").GetBoolean());
        Assert.Equal("application/stix+json;version=2.1", collections[server.All.Id].GetProperty("media_types")[0].GetString());
        Assert.Equal("Everything", collections[server.All.Id].GetProperty("title").GetString());
        Assert.Equal("all", collections[server.All.Id].GetProperty("alias").GetString());
    }

    // §5.1.1 Collections Resource: "If there are no Collections in the list, this key MUST be omitted, and the response is an empty object."
    [Fact]
    public async Task A_user_with_no_collection_gets_an_empty_collections_resource()
    {
        var (response, body) = await server.Client("nobody").GetJsonAsync(TaxiiServerFixture.Root + "collections/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.False(body.TryGetProperty("collections", out _));
    }

    // §5.2 Get a Collection: 404 "The API Root or Collection ID are not found, or the client does not have access".
    [Fact]
    public async Task A_collection_is_404_when_unknown_or_when_the_user_has_no_rights_on_it()
    {
        var (unknown, unknownBody) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{Guid.NewGuid()}/");
        var (hidden, hiddenBody) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.Hidden.Id}/");
        var (objects, _) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.Hidden.Id}/objects/");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        AssertError(unknownBody, 404);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        AssertError(hiddenBody, 404);
        Assert.Equal(HttpStatusCode.NotFound, objects.StatusCode);
    }

    [Fact]
    public async Task A_collection_is_described_with_its_id_title_and_rights()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.Inbox.Id}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.Inbox.Id, body.GetProperty("id").GetString());
        Assert.Equal("Inbox", body.GetProperty("title").GetString());
        Assert.True(body.GetProperty("can_read").GetBoolean());
        Assert.True(body.GetProperty("can_write").GetBoolean());
    }

    // §5.4 Get Objects: 403 "The client does not have access to this objects resource" (can_read false).
    [Fact]
    public async Task Reading_a_collection_the_user_may_only_write_is_403()
    {
        foreach (var path in new[] { "objects/", "manifest/" })
        {
            var (response, body) = await server.Client("walt").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.Inbox.Id}/{path}");

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            AssertError(body, 403);
        }
    }

    // §4.3 Get Status: 404 when "The API Root or Status ID are not found".
    [Fact]
    public async Task An_unknown_status_is_404()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"status/{Guid.NewGuid()}/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertError(body, 404);
    }
}
