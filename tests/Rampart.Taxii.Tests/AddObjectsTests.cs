using System.Net;
using System.Text;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

[Collection(TaxiiServerCollection.Name)]
public sealed class AddObjectsTests(TaxiiServerFixture server)
{
    private string Objects => TaxiiServerFixture.Root + $"collections/{server.Inbox.Id}/objects/";

    private static StringContent Taxii(string body) => new(body, Encoding.UTF8, "application/taxii+json");

    private static StringContent WithType(string body, string type)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    // §5.5 Add Objects: 202 Accepted with a status resource (§4.3.1); the objects then appear in the collection.
    [Fact]
    public async Task Adding_an_envelope_answers_202_with_a_status_and_the_objects_appear_in_the_inbox()
    {
        var good = StixFixtures.NewId("indicator");
        var bad = StixFixtures.NewId("indicator");
        var envelope = StixFixtures.Envelope([
            StixFixtures.Indicator(good, "posted.example", marking: StixFixtures.Green),
            $$"""{"type":"indicator","spec_version":"2.1","id":"{{bad}}","created":"2026-01-01T00:00:00.000Z"}""",
        ]);
        using var client = server.Client("rita");

        var response = await client.PostAsync(Objects, WithType(envelope, "application/taxii+json;version=2.1"), Ct);
        var status = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        Assert.Equal("complete", status.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("total_count").GetInt32());
        Assert.Equal(1, status.GetProperty("success_count").GetInt32());
        Assert.Equal(1, status.GetProperty("failure_count").GetInt32());
        Assert.Equal(0, status.GetProperty("pending_count").GetInt32());
        Assert.Equal(good, status.GetProperty("successes")[0].GetProperty("id").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", status.GetProperty("successes")[0].GetProperty("version").GetString());
        Assert.Equal(bad, status.GetProperty("failures")[0].GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("failures")[0].GetProperty("message").GetString()));

        // §4.3 Get Status: the same resource, by its id.
        var (again, stored) = await client.GetJsonAsync(TaxiiServerFixture.Root + $"status/{status.GetProperty("id").GetString()}/");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(status.GetRawText(), stored.GetRawText());

        var (_, inbox) = await client.GetJsonAsync(Objects + $"?match[id]={good}");
        Assert.Equal([good], inbox.Ids());
    }

    // §4.3: a status belongs to whoever made the request.
    [Fact]
    public async Task Another_users_status_is_404()
    {
        var response = await server.Client("rita").PostAsync(Objects, Taxii(StixFixtures.Envelope([StixFixtures.Identity(StixFixtures.NewId("identity"), "x")])), Ct);
        var id = (await BodyAsync(response)).GetProperty("id").GetString();

        var (other, _) = await server.Client("gus").GetJsonAsync(TaxiiServerFixture.Root + $"status/{id}/");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    // §5.5: 415 Unsupported Media Type "The client attempted to POST a payload with a content type the server does not support".
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/stix+json;version=2.1")]
    [InlineData("application/taxii+json;version=2.0")]
    public async Task A_body_that_is_not_taxii_2_1_is_415(string contentType)
    {
        var response = await server.Client("rita").PostAsync(Objects, WithType(StixFixtures.Envelope([]), contentType), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        AssertError(await BodyAsync(response), 415);
    }

    // §5.5: 413 "The POSTed payload exceeds the max_content_length of the API Root".
    [Fact]
    public async Task A_body_above_max_content_length_is_413()
    {
        var objects = Enumerable.Range(0, 400).Select(i => StixFixtures.Indicator(StixFixtures.NewId("indicator"), $"big{i}.example"));
        var envelope = StixFixtures.Envelope(objects);
        Assert.True(Encoding.UTF8.GetByteCount(envelope) > TaxiiServerFixture.MaxContentLength);

        var response = await server.Client("rita").PostAsync(Objects, Taxii(envelope), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertError(await BodyAsync(response), 413);
    }

    // §5.5: 422 Unprocessable Entity "... when sending a malformed body, or other unprocessable content".
    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"more\":false}")]
    [InlineData("{\"objects\":{}}")]
    public async Task A_body_that_is_not_an_envelope_is_422(string body)
    {
        var response = await server.Client("rita").PostAsync(Objects, Taxii(body), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        AssertError(await BodyAsync(response), 422);
    }

    // §5.5: 403 "The client does not have access to write to this objects resource" (can_write false).
    [Fact]
    public async Task Adding_to_a_collection_the_user_may_not_write_is_403()
    {
        var inboxRead = await server.Client("gus").PostAsync(TaxiiServerFixture.Root + $"collections/{server.All.Id}/objects/", Taxii(StixFixtures.Envelope([])), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, inboxRead.StatusCode);
        AssertError(await BodyAsync(inboxRead), 403);
    }

    [Fact]
    public async Task A_writer_who_may_not_read_can_still_add()
    {
        var id = StixFixtures.NewId("identity");

        var response = await server.Client("walt").PostAsync(Objects, Taxii(StixFixtures.Envelope([StixFixtures.Identity(id, "walt's")])), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (_, inbox) = await server.Client("rita").GetJsonAsync(Objects + $"?match[id]={id}");
        Assert.Equal([id], inbox.Ids());
    }

    // §3.4 added_after on an inbox: an object posted later is found after the last date_added seen.
    [Fact]
    public async Task An_object_added_later_is_returned_after_the_last_date_added_seen()
    {
        using var client = server.Client("rita");
        var (first, _) = await client.GetJsonAsync(Objects);
        var last = first.Header("X-TAXII-Date-Added-Last");
        var id = StixFixtures.NewId("identity");
        await client.PostAsync(Objects, Taxii(StixFixtures.Envelope([StixFixtures.Identity(id, "later")])), Ct);

        var (_, after) = await client.GetJsonAsync(Objects + (last is null ? "" : "?added_after=" + Uri.EscapeDataString(last)));

        Assert.Contains(id, after.Ids());
    }
}
