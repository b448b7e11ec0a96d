using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Sinkhole;

namespace Rampart.Server.Tests;

public sealed class VictimApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeMilliseconds());

    private static SinkholeHit Hit(string caseId, long sequence, string source, string name) => new(
        $"node-v:{caseId}:{sequence}", "node-v", sequence, T0.AddMinutes(sequence), "dns-udp", source, 40000, caseId, name, 1, "NOERROR 1", null);

    private async Task<string> CaseWithHitsAsync()
    {
        using var admin = server.Client(server.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/v1/cases", new { name = "victims" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        await server.App.Services.GetRequiredService<ISinkholeHitStore>().AddAsync(
        [
            Hit(id, 1, "192.0.2.5", "login.hanrnaii.net"), Hit(id, 2, "192.0.2.5", "=HYPERLINK(\"http://x\")"), Hit(id, 3, "2001:db8:1::9", "hotrnall.com"),
            Hit(id, 4, "203.0.113.50", "login.hanrnaii.net"),
        ], Ct);
        await server.App.Services.GetRequiredService<IVictimStore>().ImportAsync("api-test-orgs", VictimTableKind.Organizations,
            [new("192.0.2.0/24", "Think Tank A", 64500, "US"), new("2001:db8:1::/48", "University B", null, null)], null, ChangeContext.System, Ct);
        return id;
    }

    [Fact]
    public async Task Readers_get_a_case_s_victims_per_organization_as_JSON()
    {
        var id = await CaseWithHitsAsync();
        using var reader = server.Client(server.ReaderKey);

        var victims = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/victims", Ct);

        Assert.Equal(3, victims.GetArrayLength());
        var tank = victims[0];
        Assert.Equal("Think Tank A", tank.GetProperty("organization").GetString());
        Assert.Equal(64500, tank.GetProperty("asn").GetInt64());
        Assert.Equal(2, tank.GetProperty("hits").GetInt64());
        Assert.Equal(T0.AddMinutes(1), tank.GetProperty("first_seen").GetDateTimeOffset());
        Assert.Equal(T0.AddMinutes(2), tank.GetProperty("last_seen").GetDateTimeOffset());
        Assert.Equal("192.0.2.5", tank.GetProperty("sources")[0].GetProperty("source_ip").GetString());
        Assert.Equal(["=HYPERLINK(\"http://x\")", "login.hanrnaii.net"], tank.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.False(victims[2].TryGetProperty("organization", out _));
    }

    [Fact]
    public async Task The_CSV_form_has_Shadowserver_columns_and_no_cell_a_spreadsheet_would_run()
    {
        var id = await CaseWithHitsAsync();
        using var reader = server.Client(server.ReaderKey);

        var response = await reader.GetAsync($"/api/v1/cases/{id}/victims?format=csv", Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("timestamp,src_ip,src_asn,src_geo,organization,hostname,first_seen,last_seen,count,case_id", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains(",192.0.2.5,64500,US,Think Tank A,\"'=HYPERLINK(\"\"http://x\"\")\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1).SelectMany(l => l.Split(',')), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');
    }

    [Fact]
    public async Task Victims_need_a_signed_in_reader_and_an_unknown_case_is_not_found()
    {
        var id = await CaseWithHitsAsync();

        var anonymous = await server.Client().GetAsync($"/api/v1/cases/{id}/victims", Ct);
        var unknown = await server.Client(server.ReaderKey).GetAsync("/api/v1/cases/case--no-such-case/victims", Ct);
        var badFormat = await server.Client(server.ReaderKey).GetAsync($"/api/v1/cases/{id}/victims?format=xml", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task Readers_list_a_case_s_hits_by_source_and_time_as_JSON_or_formula_safe_CSV()
    {
        var id = await CaseWithHitsAsync();
        using var reader = server.Client(server.ReaderKey);

        var all = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/sinkhole/hits?case={id}", Ct);
        var fromOne = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/sinkhole/hits?case={id}&source=192.0.2.5", Ct);
        var since = Uri.EscapeDataString(T0.AddMinutes(3).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var late = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/sinkhole/hits?case={id}&since={since}&limit=1", Ct);
        var csv = await reader.GetAsync($"/api/v1/sinkhole/hits?case={id}&format=csv", Ct);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal([$"node-v:{id}:1", $"node-v:{id}:2", $"node-v:{id}:3", $"node-v:{id}:4"], all.EnumerateArray().Select(h => h.GetProperty("hit_id").GetString()));
        Assert.Equal([1L, 2L], fromOne.EnumerateArray().Select(h => h.GetProperty("sequence").GetInt64()));
        Assert.Equal($"node-v:{id}:3", Assert.Single(late.EnumerateArray()).GetProperty("hit_id").GetString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SinkholeHitCsv.Header, lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readers_list_the_daily_counts_of_rolled_up_hits_with_the_same_filters_and_formula_safe_CSV()
    {
        var id = await CaseWithHitsAsync();
        var retention = server.App.Services.GetRequiredService<ISinkholeRetentionStore>();
        while (await retention.RollUpOldestDayAsync(DateTimeOffset.UtcNow.AddMinutes(5), _ => "Org", ChangeContext.System, Ct) is not null)
        {
        }

        using var reader = server.Client(server.ReaderKey);

        var rows = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/sinkhole/hits/daily?case={id}&source=192.0.2.5", Ct);
        var raw = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/sinkhole/hits?case={id}", Ct);
        var csv = await reader.GetAsync($"/api/v1/sinkhole/hits/daily?case={id}&format=csv", Ct);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var bad = await reader.GetAsync("/api/v1/sinkhole/hits/daily?until=later", Ct);

        Assert.Equal(0, raw.GetArrayLength());
        Assert.Equal(2, rows.GetArrayLength());
        Assert.All(rows.EnumerateArray(), r => Assert.Equal(("192.0.2.5", 1L, "Org"), (r.GetProperty("source_ip").GetString(), r.GetProperty("hits").GetInt64(), r.GetProperty("organization").GetString())));
        Assert.Equal(SinkholeHitCsv.DailyHeader, lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains(",192.0.2.5,\"'=HYPERLINK(\"\"http://x\"\")\"," + id + ",Org,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("until:", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=10001")]
    [InlineData("since=yesterday")]
    [InlineData("until=later")]
    [InlineData("format=xml")]
    public async Task A_malformed_hits_query_is_400_naming_the_parameter(string query)
    {
        var response = await server.Client(server.ReaderKey).GetAsync("/api/v1/sinkhole/hits?" + query, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(query[..query.IndexOf('=', StringComparison.Ordinal)] + ":", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hits_need_a_signed_in_reader()
    {
        var anonymous = await server.Client().GetAsync("/api/v1/sinkhole/hits", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
