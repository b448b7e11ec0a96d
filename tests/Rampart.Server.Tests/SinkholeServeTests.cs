using System.Net;
using System.Text.Json;
using DnsClient;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Sinkhole;
using Rampart.Server.Sinkhole;
using Rampart.Testing;

namespace Rampart.Server.Tests;

/// <summary><c>rampart serve --sinkhole</c>: the DNS and HTTP sinkhole and the ingester in the server process, and its readiness.</summary>
public sealed class SinkholeServeTests
{
    private static readonly ChangeContext Tester = new("tester", ChangeChannel.Cli, null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_with_the_sinkhole_answers_a_case_once_it_is_sinkholed_and_stores_its_hits()
    {
        await using var server = await StartAsync(ingest: true, maxPendingBytes: null);
        var cases = server.App.Services.GetRequiredService<ICaseStore>();
        var lures = await cases.CreateAsync("lures", null, Tester, Ct);
        await cases.AddDomainsAsync(lures.Id, [("hanrnaii.net", "by hand")], [], Tester, Ct);
        foreach (var status in new[] { CaseStatus.Filed, CaseStatus.Granted, CaseStatus.Seized })
        {
            await cases.SetStatusAsync(lures.Id, status, null, Tester, Ct);
        }

        var node = server.App.Services.GetRequiredService<SinkholeHost>().Node!;
        var address = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Data, SinkholeHost.AddressFileName), Ct)).RootElement;
        Assert.Equal(node.Dns.UdpEndPoint.ToString(), address.GetProperty("dns").GetString());
        Assert.True(address.GetProperty("ready").GetBoolean());
        var dns = Client(node.Dns.UdpEndPoint);
        Assert.Equal(DnsHeaderResponseCode.Refused, (await dns.QueryAsync("www.hanrnaii.net", QueryType.A, cancellationToken: Ct)).Header.ResponseCode);

        await cases.SetStatusAsync(lures.Id, CaseStatus.Sinkholed, null, Tester, Ct);
        var answered = await UntilAsync(() => dns.QueryAsync("www.hanrnaii.net", QueryType.A, cancellationToken: Ct), r => r.Header.ResponseCode == DnsHeaderResponseCode.NoError);
        Assert.Equal("127.0.0.1", Assert.Single(answered.Answers.ARecords()).Address.ToString());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{node.Http!.EndPoint}/login?x=1");
        request.Headers.Host = "mail.hanrnaii.net";
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request, Ct)).StatusCode);

        var hits = server.App.Services.GetRequiredService<ISinkholeHitStore>();
        var stored = await UntilAsync(() => hits.ListAsync(new SinkholeHitQuery(CaseId: lures.Id), Ct), h => h.Count >= 2);
        Assert.Contains(stored, h => h.QueryName == "www.hanrnaii.net" && h.Transport.StartsWith("dns", StringComparison.Ordinal));
        Assert.Contains(stored, h => h.QueryName == "mail.hanrnaii.net" && h.Transport == "http");

        await cases.SetStatusAsync(lures.Id, CaseStatus.Released, null, Tester, Ct);
        await UntilAsync(() => dns.QueryAsync("www.hanrnaii.net", QueryType.A, cancellationToken: Ct), r => r.Header.ResponseCode == DnsHeaderResponseCode.Refused);
    }

    [Fact]
    public async Task Serve_reports_not_ready_once_the_spool_holds_more_than_its_limit_not_yet_stored()
    {
        const long limit = 2048;
        await using var server = await StartAsync(ingest: false, maxPendingBytes: limit);
        var node = server.App.Services.GetRequiredService<SinkholeHost>().Node!;
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var ready = await http.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var dns = Client(node.Dns.UdpEndPoint);
        while (node.Readiness.Check().PendingBytes <= limit)
        {
            await dns.QueryAsync("anything.example", QueryType.A, cancellationToken: Ct); // refused, and spooled all the same
        }

        var notReady = await http.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var body = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("past the limit of 2048", body.GetProperty("checks").GetProperty("sinkhole-spool").GetProperty("description").GetString(), StringComparison.Ordinal);
        // Not ready is a warning to move traffic, not a refusal: queries are still answered and spooled.
        Assert.Equal(DnsHeaderResponseCode.Refused, (await dns.QueryAsync("anything.example", QueryType.A, cancellationToken: Ct)).Header.ResponseCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task Serve_without_the_sinkhole_binds_no_sinkhole_and_is_ready()
    {
        var data = Path.Combine(Path.GetTempPath(), "rampart-server-tests-" + Guid.NewGuid().ToString("N"));
        var (app, baseAddress) = await ServerFixture.StartAsync(data);
        await using var _ = app;
        Assert.Null(app.Services.GetRequiredService<SinkholeHost>().Node);
        Assert.False(File.Exists(Path.Combine(data, SinkholeHost.AddressFileName)));
        using var http = new HttpClient { BaseAddress = baseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Ct)).StatusCode);
    }

    private static LookupClient Client(IPEndPoint endPoint) => SinkholeLookupClient.For(endPoint);

    /// <summary>Asks until the answer is the expected one: the zones follow the store within a poll (250 ms); 30 s is the give-up, not a timing.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var last = await ask();
        for (var i = 0; i < 300 && !done(last); i++)
        {
            await Task.Delay(100, Ct);
            last = await ask();
        }

        Assert.True(done(last), $"still {last} after 30 s");
        return last;
    }

    private static async Task<RunningServer> StartAsync(bool ingest, long? maxPendingBytes)
    {
        var data = Path.Combine(Path.GetTempPath(), "rampart-server-tests-" + Guid.NewGuid().ToString("N"));
        var app = RampartServer.Build(new ServeOptions(data, null, "http://127.0.0.1:0", ServerFixture.AdminPassword), builder =>
        {
            builder.Configuration["Sinkhole:Enabled"] = "true";
            builder.Configuration["Sinkhole:DnsPort"] = "0";
            builder.Configuration["Sinkhole:HttpPort"] = "0";
            builder.Configuration["Sinkhole:Loops"] = "1";
            builder.Configuration["Sinkhole:Ingest"] = ingest ? "true" : "false";
            if (maxPendingBytes is { } limit)
            {
                builder.Configuration["Sinkhole:MaxPendingBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        var (_, addresses) = await RampartServer.StartAsync(app, Ct);
        return new RunningServer(app, new Uri(addresses[0]), data);
    }

    private sealed record RunningServer(WebApplication App, Uri BaseAddress, string Data) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            try
            {
                Directory.Delete(Data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
