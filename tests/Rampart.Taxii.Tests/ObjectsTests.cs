using System.Net;
using System.Text.Json;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

[Collection(TaxiiServerCollection.Name)]
public sealed class ObjectsTests(TaxiiServerFixture server)
{
    private string Objects => TaxiiServerFixture.Root + $"collections/{server.All.Id}/objects/";

    // §5.4 Get Objects: an envelope (§3.7) of the objects, newest version of each by default (§3.4.1 version: "last ... is the default").
    [Fact]
    public async Task Objects_returns_an_envelope_with_the_newest_version_of_each_object_the_user_may_see()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(Objects);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        Assert.False(body.GetProperty("more").GetBoolean());
        var ids = body.Ids();
        Assert.Contains(server.GreenId, ids);
        Assert.Contains(server.IdentityId, ids);
        Assert.Single(ids, server.AmberId);
        var amber = body.GetProperty("objects").EnumerateArray().Single(o => o.GetProperty("id").GetString() == server.AmberId);
        Assert.Equal(StixFixtures.Time(5), amber.GetProperty("modified").GetString());
        Assert.DoesNotContain(server.RedId, ids);
    }

    // §5.4: "X-TAXII-Date-Added-First" and "X-TAXII-Date-Added-Last": the date_added of the first and last object returned.
    [Fact]
    public async Task The_date_added_headers_bracket_the_objects_returned_and_match_the_manifest()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(Objects + "?limit=2");
        var (_, manifest) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.All.Id}/manifest/?limit=2");

        var dates = manifest.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("date_added").GetString()).ToList();
        Assert.Equal(dates[0], response.Header("X-TAXII-Date-Added-First"));
        Assert.Equal(dates[^1], response.Header("X-TAXII-Date-Added-Last"));
        Assert.Equal(body.Ids(), manifest.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", dates[0]);
    }

    // §3.5 Pagination: limit caps a page; "more" says whether more follow and "next" continues the read.
    [Fact]
    public async Task Paging_with_limit_and_next_returns_every_object_once_in_date_added_order()
    {
        var (_, whole) = await server.Client("rita").GetJsonAsync(Objects);
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var (response, page) = await server.Client("rita").GetJsonAsync(Objects + "?limit=1" + (next is null ? "" : "&next=" + Uri.EscapeDataString(next)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange(page.Ids());
            next = page.GetProperty("more").GetBoolean() ? page.GetProperty("next").GetString() : null;
            pages++;
        }
        while (next is not null);

        Assert.Equal(whole.Ids(), seen);
        Assert.Equal(seen.Count, pages);
    }

    // §3.4: "If any of the URL query parameters are malformed, the TAXII Server MUST return an HTTP 400"; a next we never handed out is one.
    [Fact]
    public async Task An_unknown_next_is_400()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(Objects + "?next=made-up");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertError(body, 400);
    }

    // §3.4 added_after: "filters objects to only include those objects added after the specified timestamp" (exclusive).
    [Fact]
    public async Task Added_after_returns_only_objects_added_strictly_after_it()
    {
        var (_, manifest) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.All.Id}/manifest/");
        var entries = manifest.GetProperty("objects").EnumerateArray().ToList();
        var first = entries[0].GetProperty("date_added").GetString()!;

        var (response, body) = await server.Client("rita").GetJsonAsync(Objects + "?added_after=" + Uri.EscapeDataString(first));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(entries.Skip(1).Select(e => e.GetProperty("id").GetString()), body.Ids());
    }

    [Theory]
    [InlineData("?added_after=yesterday")]
    [InlineData("?limit=0")]
    [InlineData("?limit=-3")]
    [InlineData("?match[version]=latest")]
    [InlineData("?match[type]=Not%20A%20Type")]
    [InlineData("?match[spec_version]=3.0")]
    public async Task A_malformed_parameter_is_400_naming_it(string query)
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(Objects + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertError(body, 400);
        Assert.Contains(query[1..query.IndexOf('=', StringComparison.Ordinal)].Replace("%20", " ", StringComparison.Ordinal), body.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // §3.4.1 id and type; §3.4: "If multiple values are present, the match is treated as a logical OR".
    [Fact]
    public async Task Match_type_and_match_id_select_objects()
    {
        var (_, whole) = await server.Client("rita").GetJsonAsync(Objects);
        var (_, identities) = await server.Client("rita").GetJsonAsync(Objects + "?match[type]=identity");
        var (_, byId) = await server.Client("rita").GetJsonAsync(Objects + $"?match[id]={server.GreenId},{server.IdentityId}");
        var (_, none) = await server.Client("rita").GetJsonAsync(Objects + "?match[type]=malware");

        // The collection serves every object, so identities the inbox tests posted (when they ran first) belong here too.
        var everyIdentity = whole.Ids().Where(id => id.StartsWith("identity--", StringComparison.Ordinal)).ToList();
        Assert.Contains(server.IdentityId, everyIdentity);
        Assert.Equal(everyIdentity, identities.Ids());
        Assert.Equal(new[] { server.IdentityId, server.GreenId }.Order(), byId.Ids().Order());
        Assert.Empty(none.Ids());
    }

    // §3.4.1 version: "last", "first", "all" or a <value>, the modified time of a version.
    [Fact]
    public async Task Match_version_selects_all_first_last_or_a_named_version()
    {
        string Url(string version) => Objects + $"?match[id]={server.AmberId}&match[version]={version}";
        static List<string> Modified(JsonElement envelope) =>
            envelope.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("modified").GetString()!).ToList();

        var (_, all) = await server.Client("rita").GetJsonAsync(Url("all"));
        var (_, first) = await server.Client("rita").GetJsonAsync(Url("first"));
        var (_, last) = await server.Client("rita").GetJsonAsync(Url("last"));
        var (_, named) = await server.Client("rita").GetJsonAsync(Url(Uri.EscapeDataString(StixFixtures.Time(0))));

        Assert.Equal([StixFixtures.Time(0), StixFixtures.Time(5)], Modified(all));
        Assert.Equal([StixFixtures.Time(0)], Modified(first));
        Assert.Equal([StixFixtures.Time(5)], Modified(last));
        Assert.Equal([StixFixtures.Time(0)], Modified(named));
    }

    // §3.4.1 spec_version: a response "MUST NOT include any specification versions that are not included"; Rampart holds 2.1 only.
    [Fact]
    public async Task Match_spec_version_2_0_returns_the_empty_envelope_and_2_1_everything()
    {
        var (_, old) = await server.Client("rita").GetJsonAsync(Objects + "?match[spec_version]=2.0");
        var (_, current) = await server.Client("rita").GetJsonAsync(Objects + "?match[spec_version]=2.1");
        var (_, whole) = await server.Client("rita").GetJsonAsync(Objects);

        Assert.Equal("{}", old.GetRawText());
        Assert.Equal(whole.Ids(), current.Ids());
    }

    // Not a TAXII 2.1 media type (§1.6.8.1 lists only application/taxii+json), but §3.1 lets a server satisfy an Accept it does not define "with the appropriate content": issue #15 asks for STIX on the object endpoints.
    [Fact]
    public async Task Objects_are_served_as_stix_when_only_stix_is_accepted()
    {
        var (response, body) = await server.Client("rita", accept: "application/stix+json;version=2.1").GetJsonAsync(Objects);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/stix+json;version=2.1", response.ContentType());
        Assert.NotEmpty(body.Ids());
    }

    // §5.3 Get Object Manifests: per version its id, date_added, version and media_type.
    [Fact]
    public async Task The_manifest_gives_id_date_added_version_and_media_type()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.All.Id}/manifest/?match[id]={server.AmberId}&match[version]=all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        var records = body.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(server.AmberId, r.GetProperty("id").GetString()));
        Assert.Equal(["2026-01-01T00:00:00.000000Z", "2026-01-01T00:05:00.000000Z"], records.Select(r => r.GetProperty("version").GetString()));
        Assert.All(records, r => Assert.Equal("application/stix+json;version=2.1", r.GetProperty("media_type").GetString()));
        Assert.NotNull(response.Header("X-TAXII-Date-Added-First"));
    }

    // §5.6 Get an Object: an envelope holding the object; 404 when the object is not in the collection.
    [Fact]
    public async Task An_object_by_id_comes_in_an_envelope_and_an_unknown_one_is_404()
    {
        var (found, body) = await server.Client("rita").GetJsonAsync(Objects + server.GreenId + "/");
        var (missing, missingBody) = await server.Client("rita").GetJsonAsync(Objects + StixFixtures.NewId("indicator") + "/");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal([server.GreenId], body.Ids());
        Assert.NotNull(found.Header("X-TAXII-Date-Added-Last"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertError(missingBody, 404);
    }

    // §5.6: the identity is not an indicator, so it is not in the indicators collection.
    [Fact]
    public async Task An_object_outside_the_collections_definition_is_404_there()
    {
        var (response, _) = await server.Client("rita").GetJsonAsync(TaxiiServerFixture.Root + $"collections/{server.Indicators.Id}/objects/{server.IdentityId}/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // §5.8 Get Object Versions: the versions resource lists the object's versions (§5.8.1 "versions").
    [Fact]
    public async Task Versions_lists_every_version_of_an_object()
    {
        var (response, body) = await server.Client("rita").GetJsonAsync(Objects + server.AmberId + "/versions/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TaxiiType, response.ContentType());
        Assert.False(body.GetProperty("more").GetBoolean());
        Assert.Equal(["2026-01-01T00:00:00.000000Z", "2026-01-01T00:05:00.000000Z"], body.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.NotNull(response.Header("X-TAXII-Date-Added-First"));
    }
}
