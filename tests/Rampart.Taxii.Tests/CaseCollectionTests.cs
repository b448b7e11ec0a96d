using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Markings;
using Rampart.Taxii.Collections;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

/// <summary>
/// Issue #15 Build 1 "collections defined from Rampart data (… a case …)": a CERT shares a takedown
/// case's infrastructure. A case collection serves the indicator objects of the case's domains; a domain
/// added to the case later reaches an incremental reader (added_after) with a new date_added.
/// </summary>
[Collection(TaxiiServerCollection.Name)]
public sealed class CaseCollectionTests(TaxiiServerFixture server)
{
    private T Get<T>()
        where T : notnull => server.App.Services.GetRequiredService<T>();

    /// <summary>A case holding <paramref name="domains"/>, a collection of it that gus reads (cleared for GREEN), and its objects URL.</summary>
    private async Task<(string CaseId, string Objects)> CaseCollectionAsync(params string[] domains)
    {
        var takedown = await Get<ICaseStore>().CreateAsync("lures " + Guid.NewGuid().ToString("N")[..8], null, ChangeContext.System, Ct);
        await Get<ICaseStore>().AddDomainsAsync(takedown.Id, domains.Select(d => (d, "by hand")).ToList(), [], ChangeContext.System, Ct);
        var collection = new TaxiiCollection(Guid.NewGuid().ToString(), "Seized", null, null, TaxiiCollectionKind.Case, takedown.Id, Tlp.AmberStrict);
        await Get<ITaxiiStore>().CreateCollectionAsync(collection, ChangeContext.System, Ct);
        await Get<ITaxiiStore>().GrantAsync(new TaxiiGrant(collection.Id, "gus", true, false, Tlp.Green), ChangeContext.System, Ct);
        return (takedown.Id, TaxiiServerFixture.Root + $"collections/{collection.Id}/objects/");
    }

    private static string Domain(string label) => $"{label}-{Guid.NewGuid():N}.example";

    [Fact]
    public async Task A_case_collection_serves_the_indicator_objects_of_the_cases_domains_and_nothing_else()
    {
        var (seized, other) = (Domain("seized"), Domain("other"));
        var (seizedId, otherId) = (StixFixtures.NewId("indicator"), StixFixtures.NewId("indicator"));
        await server.ImportAsync(
            StixFixtures.Indicator(seizedId, seized, marking: StixFixtures.Green),
            StixFixtures.Indicator(otherId, other, marking: StixFixtures.Green));
        var (_, objects) = await CaseCollectionAsync(seized, Domain("no-indicator"));

        var (response, body) = await server.Client("gus").GetJsonAsync(objects);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([seizedId], body.Ids());
    }

    [Fact]
    public async Task A_domain_added_to_the_case_later_reaches_an_incremental_reader_with_a_newer_date_added()
    {
        var (first, later) = (Domain("first"), Domain("later"));
        var (firstId, laterId) = (StixFixtures.NewId("indicator"), StixFixtures.NewId("indicator"));
        // Both indicators are in the store before the read; only the first domain is in the case.
        await server.ImportAsync(StixFixtures.Indicator(firstId, first), StixFixtures.Indicator(laterId, later));
        var (caseId, objects) = await CaseCollectionAsync(first);

        var (one, page) = await server.Client("gus").GetJsonAsync(objects);
        var last = one.Header("X-TAXII-Date-Added-Last")!;
        await Get<ICaseStore>().AddDomainsAsync(caseId, [(later, "pivot")], [], ChangeContext.System, Ct);
        var (_, next) = await server.Client("gus").GetJsonAsync(objects + "?added_after=" + Uri.EscapeDataString(last));
        var (_, whole) = await server.Client("gus").GetJsonAsync(objects);

        Assert.Equal([firstId], page.Ids());
        Assert.Equal([laterId], next.Ids());
        Assert.Equal([firstId, laterId], whole.Ids());
    }

    [Fact]
    public async Task An_amber_indicator_of_the_case_is_invisible_to_a_user_cleared_for_green()
    {
        var domain = Domain("amber");
        var id = StixFixtures.NewId("indicator");
        await server.ImportAsync(StixFixtures.Indicator(id, domain, marking: StixFixtures.Amber));
        var (_, objects) = await CaseCollectionAsync(domain);

        var (list, body) = await server.Client("gus").GetJsonAsync(objects);
        var (single, _) = await server.Client("gus").GetJsonAsync(objects + id + "/");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(body.Ids());
        Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
    }

    // Views take no objects: §5.5/§5.7 answer 403 because can_write is false for them.
    [Fact]
    public async Task A_case_collection_takes_no_objects_even_from_an_admin()
    {
        var (_, objects) = await CaseCollectionAsync(Domain("view"));

        var response = await server.Admin().PostAsync(objects, new StringContent(StixFixtures.Envelope([]), System.Text.Encoding.UTF8, "application/taxii+json"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Defining_a_case_collection_through_the_api_names_an_unknown_case_as_the_error()
    {
        var adminUser = (await Get<Core.Identity.IUserStore>().FindWithHashAsync("admin", Ct))!.Value.User;
        var (token, keyId, hash) = Core.Identity.ApiKeyToken.Generate();
        await Get<Core.Identity.IApiKeyStore>().CreateAsync(adminUser.Id, "case collection test", keyId, hash, ChangeContext.System, Ct);
        using var admin = new HttpClient { BaseAddress = server.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var unknown = await admin.PostAsJsonAsync("/api/v1/taxii/collections", new { title = "x", kind = "case", argument = "case--nope" }, Ct);
        var takedown = await Get<ICaseStore>().CreateAsync("api case", null, ChangeContext.System, Ct);
        var known = await admin.PostAsJsonAsync("/api/v1/taxii/collections", new { title = "Seized", kind = "case", argument = takedown.Id }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("case--nope", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
        var created = await BodyAsync(known);
        Assert.Equal(takedown.Id, created.GetProperty("argument").GetString());
        Assert.Contains("api case", created.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
