using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;

namespace Rampart.Server.Tests;

public sealed class CaseApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_is_created_grown_moved_and_exported_over_the_API_and_every_change_is_audited()
    {
        using var admin = server.Client(server.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/v1/cases", new { name = "THALLIUM lures" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        var added = await admin.PostAsJsonAsync($"/api/v1/cases/{id}/domains", new { domains = new[] { "hotrnall[.]com", "hanrnaii.net" }, reason = "DCU report" }, Ct);
        var bad = await admin.PostAsJsonAsync($"/api/v1/cases/{id}/domains", new { domains = new[] { "not a domain" } }, Ct);
        var note = await admin.PostAsJsonAsync($"/api/v1/cases/{id}/evidence", new { domain = "hotrnall.com", kind = "registration", registrar = "NameCheap", registrant_name = "<script>x</script>" }, Ct);
        var skipped = await admin.PostAsJsonAsync($"/api/v1/cases/{id}/status", new { status = "seized" }, Ct);
        var filed = await admin.PostAsJsonAsync($"/api/v1/cases/{id}/status", new { status = "filed", note = "docket 1" }, Ct);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        Assert.Contains("a draft case cannot move to seized", await skipped.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);

        using var reader = server.Client(server.ReaderKey);
        var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}", Ct);
        Assert.Equal("filed", detail.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("domains").GetArrayLength());
        var csv = await reader.GetByteArrayAsync($"/api/v1/cases/{id}/export?format=csv", Ct);
        var html = await reader.GetStringAsync($"/api/v1/cases/{id}/export?format=html", Ct);
        Assert.Equal(csv, await reader.GetByteArrayAsync($"/api/v1/cases/{id}/export?format=csv", Ct));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(csv)), html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/cases/{id}/status", new { status = "granted" }, Ct)).StatusCode);

        var audit = await server.App.Services.GetRequiredService<IAuditTrail>().ListAsync(1000, null, Ct);
        var forCase = audit.Where(e => e.Target == id).Select(e => e.Action).ToList();
        Assert.Contains("case.create", forCase);
        Assert.Equal(2, forCase.Count(a => a == "case.add-domain"));
        Assert.Contains("case.evidence", forCase);
        Assert.Single(forCase, a => a == "case.status");
        Assert.All(audit.Where(e => e.Target == id), e => Assert.Equal(ChangeChannel.Api, e.Channel));
    }

    [Fact]
    public async Task An_unknown_case_answers_404()
    {
        using var admin = server.Client(server.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/cases/case--missing", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/cases/case--missing/status", new { status = "filed" }, Ct)).StatusCode);
    }
}
