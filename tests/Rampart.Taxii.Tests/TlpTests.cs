using System.Net;
using static Rampart.Taxii.Tests.Http;

namespace Rampart.Taxii.Tests;

/// <summary>
/// Issue #15 must-show: "A TLP:AMBER object is invisible to a user without AMBER access on every
/// endpoint (objects, object, versions, manifest)". gus reads the same collection as rita, cleared for GREEN only.
/// </summary>
[Collection(TaxiiServerCollection.Name)]
public sealed class TlpTests(TaxiiServerFixture server)
{
    private string Collection => TaxiiServerFixture.Root + $"collections/{server.All.Id}/";

    [Fact]
    public async Task An_amber_object_is_absent_from_objects_for_a_user_cleared_for_green()
    {
        var (_, gus) = await server.Client("gus").GetJsonAsync(Collection + "objects/?match[version]=all");
        var (_, rita) = await server.Client("rita").GetJsonAsync(Collection + "objects/?match[version]=all");

        Assert.Contains(server.AmberId, rita.Ids());
        Assert.DoesNotContain(server.AmberId, gus.Ids());
        Assert.Contains(server.GreenId, gus.Ids());
    }

    [Fact]
    public async Task An_amber_object_by_id_is_404_for_a_user_cleared_for_green()
    {
        var (gus, body) = await server.Client("gus").GetJsonAsync(Collection + $"objects/{server.AmberId}/");
        var (rita, _) = await server.Client("rita").GetJsonAsync(Collection + $"objects/{server.AmberId}/");

        Assert.Equal(HttpStatusCode.OK, rita.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gus.StatusCode);
        AssertError(body, 404);
    }

    [Fact]
    public async Task An_amber_objects_versions_are_404_for_a_user_cleared_for_green()
    {
        var (gus, _) = await server.Client("gus").GetJsonAsync(Collection + $"objects/{server.AmberId}/versions/");
        var (rita, _) = await server.Client("rita").GetJsonAsync(Collection + $"objects/{server.AmberId}/versions/");

        Assert.Equal(HttpStatusCode.OK, rita.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gus.StatusCode);
    }

    [Fact]
    public async Task An_amber_object_is_absent_from_the_manifest_for_a_user_cleared_for_green()
    {
        var (_, gus) = await server.Client("gus").GetJsonAsync(Collection + "manifest/?match[version]=all");
        var (_, rita) = await server.Client("rita").GetJsonAsync(Collection + "manifest/?match[version]=all");

        Assert.Contains(server.AmberId, rita.Ids());
        Assert.DoesNotContain(server.AmberId, gus.Ids());
    }

    [Fact]
    public async Task Red_never_leaves_not_even_to_an_admin()
    {
        var (objects, body) = await server.Admin().GetJsonAsync(Collection + "objects/?match[version]=all");
        var (single, _) = await server.Admin().GetJsonAsync(Collection + $"objects/{server.RedId}/");

        Assert.Equal(HttpStatusCode.OK, objects.StatusCode);
        Assert.DoesNotContain(server.RedId, body.Ids());
        Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
    }
}
