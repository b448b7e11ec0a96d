using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

/// <summary>
/// §5.7 Delete an Object (taxii-v2.1-os): "This Endpoint deletes an object from a Collection by its id
/// ... To support removing a particular version of an object, this Endpoint supports filtering"
/// (match[version], match[spec_version]); "the DELETE endpoint is only supported for collections where
/// both can_read is true and can_write is true" (neither: 404; one: 403); 200 with the TAXII
/// Content-Type and no payload, after which the object "MUST" be 404 and absent from the manifest.
/// </summary>
[Collection(TaxiiServerCollection.Name)]
public sealed class DeleteObjectTests(TaxiiServerFixture server)
{
    private string Objects => TaxiiServerFixture.Root + $"collections/{server.Inbox.Id}/objects/";

    /// <summary>Posts versions of one new indicator to the inbox (as rita, who reads and writes it) and returns its id.</summary>
    private async Task<string> PostAsync(string? marking, params int[] minutes)
    {
        var id = StixFixtures.NewId("indicator");
        var envelope = StixFixtures.Envelope(minutes.Select(m => StixFixtures.Indicator(id, "deleted.example", StixFixtures.Time(m), marking)));
        var response = await server.Client("rita").PostAsync(Objects, new StringContent(envelope, Encoding.UTF8, "application/taxii+json"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }

    private async Task<List<string>> VersionsAsync(string id)
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(Objects + id + "/versions/");
        return response.StatusCode == HttpStatusCode.NotFound ? [] : body.GetProperty("versions").EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static string Version(int minute) => $"2026-01-01T00:{minute:00}:00.000000Z";

    // §5.7: "deletes an object ... by its id": without a version filter, the object (every version) goes.
    // 200 with "Content-Type: application/taxii+json;version=2.1" and payload "n/a"; then "any subsequent
    // attempts to fetch that object ... MUST return an HTTP 404" and the manifest "MUST NOT return the object".
    [Fact]
    public async Task Deleting_without_filters_removes_every_version_and_answers_200_with_no_body()
    {
        var id = await PostAsync(StixFixtures.Green, 0, 1, 2);

        var response = await server.Client("rita").DeleteAsync(Objects + id + "/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        Assert.Empty(await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await VersionsAsync(id));
        var (gone, body) = await server.Client("rita").GetJsonAsync(Objects + id + "/");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        AssertError(body, 404);
        var (_, manifest) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.Inbox.Id}/manifest/?match[id]={id}&match[version]=all");
        Assert.Empty(manifest.Ids());
    }

    // §5.7 "removing a particular version": match[version] with a timestamp deletes that version only.
    [Fact]
    public async Task Match_version_with_a_timestamp_deletes_only_that_version()
    {
        var id = await PostAsync(StixFixtures.Green, 0, 1, 2);

        var response = await server.Client("rita").DeleteAsync(Objects + id + "/?match[version]=" + Uri.EscapeDataString(StixFixtures.Time(1)), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Version(0), Version(2)], await VersionsAsync(id));
    }

    // §3.4.1's version values first and last apply to deletes as to reads.
    [Fact]
    public async Task Match_version_first_and_last_delete_the_oldest_and_the_newest_version()
    {
        var id = await PostAsync(StixFixtures.Green, 0, 1, 2);

        Assert.Equal(HttpStatusCode.OK, (await server.Client("rita").DeleteAsync(Objects + id + "/?match[version]=first", Ct)).StatusCode);
        Assert.Equal([Version(1), Version(2)], await VersionsAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await server.Client("rita").DeleteAsync(Objects + id + "/?match[version]=last", Ct)).StatusCode);
        Assert.Equal([Version(1)], await VersionsAsync(id));
    }

    // §5.7 "URL Filtering Parameters": spec_version too; no STIX 2.0 version exists, so nothing matches (404); 2.1 matches every version.
    [Fact]
    public async Task Match_spec_version_narrows_what_is_deleted()
    {
        var id = await PostAsync(StixFixtures.Green, 0, 1);

        var old = await server.Client("rita").DeleteAsync(Objects + id + "/?match[spec_version]=2.0", Ct);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal([Version(0), Version(1)], await VersionsAsync(id));

        var current = await server.Client("rita").DeleteAsync(Objects + id + "/?match[spec_version]=2.1", Ct);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Empty(await VersionsAsync(id));
    }

    // §5.7 404: "The API Root, Collection ID and/or Object ID are not found", with an error payload (§3.6.1).
    [Fact]
    public async Task Deleting_an_object_not_in_the_collection_is_404_with_an_error_body()
    {
        var response = await server.Client("rita").DeleteAsync(Objects + StixFixtures.NewId("indicator") + "/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        AssertError(await BodyAsync(response), 404);
    }

    // A deleted object is gone: deleting it again is 404.
    [Fact]
    public async Task Deleting_twice_is_404_the_second_time()
    {
        var id = await PostAsync(StixFixtures.Green, 0);

        Assert.Equal(HttpStatusCode.OK, (await server.Client("rita").DeleteAsync(Objects + id + "/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client("rita").DeleteAsync(Objects + id + "/", Ct)).StatusCode);
    }

    // §5.7 table: can_read true, can_write false is 403 ("The client has access to the object, but not to delete it"): a view rita only reads.
    [Fact]
    public async Task Deleting_from_a_collection_without_can_write_is_403_and_deletes_nothing()
    {
        var all = TaxiiServerFixture.Root + $"collections/{server.All.Id}/objects/";

        var response = await server.Client("rita").DeleteAsync(all + server.GreenId + "/", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertError(await BodyAsync(response), 403);
        Assert.Equal(HttpStatusCode.OK, (await server.Client("rita").GetAsync(all + server.GreenId + "/", Ct)).StatusCode);
    }

    // §5.7 table: can_read false, can_write false is 404: gus has no rights on the inbox at all.
    [Fact]
    public async Task Deleting_from_a_collection_the_user_has_no_rights_on_is_404()
    {
        var id = await PostAsync(StixFixtures.Green, 0);

        var response = await server.Client("gus").DeleteAsync(Objects + id + "/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal([Version(0)], await VersionsAsync(id));
    }

    // §5.7 table: can_read false, can_write true is 403: walt may add to the inbox but not read it, so not delete from it.
    [Fact]
    public async Task Deleting_with_can_write_but_not_can_read_is_403()
    {
        var id = await PostAsync(StixFixtures.Green, 0);

        var response = await server.Client("walt").DeleteAsync(Objects + id + "/", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertError(await BodyAsync(response), 403);
        Assert.Equal([Version(0)], await VersionsAsync(id));
    }

    // TLP: a user who reads and writes the inbox cleared for GREEN only; an AMBER object does not exist for them (§5.7 404 "or the client does not have access to the object").
    [Fact]
    public async Task An_object_above_the_users_clearance_is_404_to_delete_and_stays()
    {
        var amber = await PostAsync(StixFixtures.Amber, 0);
        var green = await PostAsync(StixFixtures.Green, 0);
        var name = "green-" + Guid.NewGuid().ToString("N")[..8];
        await server.App.Services.GetRequiredService<Core.Identity.IUserStore>().CreateAsync(name, Core.Identity.Role.Reader, Core.Identity.PasswordHasher.Hash(name + " password"), ChangeContext.System, Ct);
        await server.App.Services.GetRequiredService<ITaxiiStore>().GrantAsync(new Collections.TaxiiGrant(server.Inbox.Id, name, true, true, Core.Markings.Tlp.Green), ChangeContext.System, Ct);

        var hidden = await server.Client(name).DeleteAsync(Objects + amber + "/", Ct);
        var visible = await server.Client(name).DeleteAsync(Objects + green + "/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal([Version(0)], await VersionsAsync(amber));
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        Assert.Empty(await VersionsAsync(green));
    }

    // §5.7: "If a client fails authentication then this endpoint MUST return either an HTTP 401 ... or an HTTP 404"; §1.6.9 adds the WWW-Authenticate challenge.
    [Fact]
    public async Task Deleting_without_credentials_is_401_with_a_challenge()
    {
        var id = await PostAsync(StixFixtures.Green, 0);

        var response = await server.Client(null).DeleteAsync(Objects + id + "/", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal([Version(0)], await VersionsAsync(id));
    }

    // §3.4: "If any of the URL query parameters are malformed, the TAXII Server MUST return an HTTP 400"; nothing is deleted.
    [Fact]
    public async Task A_malformed_match_version_is_400_and_deletes_nothing()
    {
        var id = await PostAsync(StixFixtures.Green, 0);

        var response = await server.Client("rita").DeleteAsync(Objects + id + "/?match[version]=yesterday", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertError(await BodyAsync(response), 400);
        Assert.Equal([Version(0)], await VersionsAsync(id));
    }

    // Deleting is a change like any other: audited with who did it, and the stored STIX version stays.
    [Fact]
    public async Task A_delete_is_audited_with_the_user_and_the_stored_version_stays_in_the_store()
    {
        var id = await PostAsync(StixFixtures.Green, 0);

        Assert.Equal(HttpStatusCode.OK, (await server.Client("rita").DeleteAsync(Objects + id + "/", Ct)).StatusCode);

        var audit = await server.App.Services.GetRequiredService<IAuditTrail>().ListAsync(50, null, Ct);
        var entry = Assert.Single(audit, e => e.Action == "taxii.delete" && e.Detail!.Contains(id, StringComparison.Ordinal));
        Assert.Equal("rita", entry.Who);
        Assert.Equal(server.Inbox.Id, entry.Target);
        var all = TaxiiServerFixture.Root + $"collections/{server.All.Id}/objects/";
        Assert.Equal(HttpStatusCode.OK, (await server.Client("rita").GetAsync(all + id + "/", Ct)).StatusCode);
    }
}
