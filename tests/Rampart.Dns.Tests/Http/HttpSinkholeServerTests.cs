using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Rampart.Dns.Http;

namespace Rampart.Dns.Tests.Http;

public class HttpSinkholeServerTests
{
    [Fact]
    public async Task A_request_for_a_sinkholed_host_gets_the_page_and_is_in_the_spool_with_every_field()
    {
        await using var sinkhole = new RunningHttpSinkhole();
        using var client = await sinkhole.ConnectAsync();
        var buffer = new ResponseBuffer();

        await RunningHttpSinkhole.SendAsync(client, "GET /owa/?user=victim HTTP/1.1\r\nHost: Login.Evil.example:80\r\nUser-Agent: Mozilla/5.0 (=cmd)\r\nReferer: https://mail.example/x\r\nX-Forwarded-For: 10.1.2.3\r\n\r\n");
        var response = await RunningHttpSinkhole.ReadResponseAsync(client, buffer);

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("taken down", response.Body, StringComparison.Ordinal);
        Assert.False(response.Headers.ContainsKey("Connection"));
        // The answer was sent after the write: the hit is already there.
        var hit = Assert.Single(sinkhole.Hits());
        Assert.Equal(("http", "127.0.0.1", "case-2", "login.evil.example", "200"), (hit.Transport, hit.SourceIp, hit.CaseId, hit.QueryName, hit.Answer));
        Assert.Equal(("GET", "Login.Evil.example:80", "/owa/?user=victim"), (hit.HttpMethod, hit.HttpHost, hit.Url));
        Assert.Equal(("Mozilla/5.0 (=cmd)", "https://mail.example/x", "10.1.2.3"), (hit.UserAgent, hit.Referer, hit.ForwardedFor));
        Assert.Equal(((System.Net.IPEndPoint)client.LocalEndPoint!).Port, hit.SourcePort);
        Assert.Null(hit.BodyLength);
        Assert.Null(hit.BodySha256);
    }

    [Fact]
    public async Task Pipelined_requests_on_one_kept_alive_connection_are_answered_and_recorded_in_order()
    {
        await using var sinkhole = new RunningHttpSinkhole();
        using var client = await sinkhole.ConnectAsync();
        var buffer = new ResponseBuffer();

        await RunningHttpSinkhole.SendAsync(client, string.Concat(Enumerable.Range(1, 50).Select(i => $"GET /s{i} HTTP/1.1\r\nHost: hanrnaii.net\r\n\r\n")));
        var statuses = new List<int>();
        for (var i = 0; i < 50; i++)
        {
            statuses.Add((await RunningHttpSinkhole.ReadResponseAsync(client, buffer))!.Status);
        }

        await RunningHttpSinkhole.SendAsync(client, "HEAD /last HTTP/1.1\r\nHost: hanrnaii.net\r\n\r\n");
        var last = await RunningHttpSinkhole.ReadResponseAsync(client, buffer, head: true);

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(200, last!.Status);
        Assert.Equal("", last.Body);
        var hits = sinkhole.Hits();
        Assert.Equal([.. Enumerable.Range(1, 50).Select(i => $"/s{i}"), "/last"], hits.Select(h => h.Url));
        Assert.All(hits, h => Assert.Equal("case-1", h.CaseId));
        Assert.Equal("HEAD", hits[^1].HttpMethod);
    }

    [Theory]
    [InlineData("content-length")]
    [InlineData("chunked")]
    public async Task A_posted_body_split_across_writes_is_recorded_by_length_and_hash_never_by_content_and_the_connection_stays_open(string framing)
    {
        await using var sinkhole = new RunningHttpSinkhole();
        var body = "username=victim%40example.org&password=Sup3rSecretPassw0rd" + new string('x', 5000);
        var (header, framed, firstCut, secondCut) = framing == "chunked"
            ? ("Transfer-Encoding: chunked", $"10;note=1\r\n{body[..16]}\r\n{body.Length - 16:X}\r\n{body[16..]}\r\n0\r\nX-Trailer: Sup3rSecret\r\n\r\n", 30, 2000)
            : ($"Content-Length: {body.Length}", body, 10, 3000);

        var (first, second) = await PostInThreeWritesThenGetAsync(sinkhole, header, framed, firstCut, secondCut);

        Assert.Equal((200, 200), (first!.Status, second!.Status));
        Assert.False(first.Headers.ContainsKey("Connection"));
        var hits = sinkhole.Hits();
        Assert.Equal(["/owa/auth.owa", "/after"], hits.Select(h => h.Url));
        Assert.Equal(body.Length, hits[0].BodyLength);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(body))), hits[0].BodySha256);
        Assert.Equal(-1, sinkhole.SpoolBytes().AsSpan().IndexOf("Sup3rSecret"u8));
    }

    [Fact]
    public async Task A_host_outside_the_zones_gets_404_and_is_recorded_without_a_case()
    {
        await using var sinkhole = new RunningHttpSinkhole();
        using var client = await sinkhole.ConnectAsync();

        await RunningHttpSinkhole.SendAsync(client, "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n");
        var response = await RunningHttpSinkhole.ReadResponseAsync(client, new ResponseBuffer());

        Assert.Equal(404, response!.Status);
        var hit = Assert.Single(sinkhole.Hits());
        Assert.Null(hit.CaseId);
        Assert.Equal(("example.org", "404"), (hit.QueryName, hit.Answer));
    }

    [Fact]
    public async Task A_chunked_body_past_the_limit_is_answered_413_with_the_bytes_decoded_so_far_recorded_and_no_hash()
    {
        await using var sinkhole = new RunningHttpSinkhole(new HttpSinkholeOptions { MaxRequestBodyBytes = 100 });
        using var client = await sinkhole.ConnectAsync();

        await RunningHttpSinkhole.SendAsync(client, $"POST / HTTP/1.1\r\nHost: evil.example\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{new string('a', 64)}\r\n40\r\n");
        var response = await RunningHttpSinkhole.ReadResponseAsync(client, new ResponseBuffer());

        Assert.Equal(413, response!.Status);
        var hit = Assert.Single(sinkhole.Hits());
        Assert.Equal(("413", 64L, (string?)null), (hit.Answer, hit.BodyLength, hit.BodySha256));
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("GET / HTTP/2.0\r\nHost: evil.example\r\n\r\n", 505)]
    [InlineData("POST / HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 99999999\r\n\r\n", 413)]
    [InlineData("POST / HTTP/1.1\r\nHost: evil.example\r\nTransfer-Encoding: gzip\r\n\r\nabc", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: evil.example\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: evil.example\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFF\r\n", 413)]
    public async Task A_bad_request_is_answered_with_its_error_recorded_and_the_connection_closed(string request, int status)
    {
        await using var sinkhole = new RunningHttpSinkhole();
        using var client = await sinkhole.ConnectAsync();
        var buffer = new ResponseBuffer();

        await RunningHttpSinkhole.SendAsync(client, request);
        var response = await RunningHttpSinkhole.ReadResponseAsync(client, buffer);
        var after = await RunningHttpSinkhole.ReadResponseAsync(client, buffer);

        Assert.Equal(status, response!.Status);
        Assert.Equal("close", response.Headers["Connection"]);
        Assert.Null(after);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(sinkhole.Hits()).Answer);
    }

    [Fact]
    public async Task A_head_that_never_ends_is_refused_at_the_limit()
    {
        await using var sinkhole = new RunningHttpSinkhole(new HttpSinkholeOptions { MaxRequestHeadBytes = 1024 });
        using var client = await sinkhole.ConnectAsync();

        await RunningHttpSinkhole.SendAsync(client, "GET / HTTP/1.1\r\nX-Pad: " + new string('a', 3000));
        var response = await RunningHttpSinkhole.ReadResponseAsync(client, new ResponseBuffer());

        Assert.Equal(431, response!.Status);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(410)]
    public async Task The_configured_status_answers_sinkholed_hosts(int status)
    {
        await using var sinkhole = new RunningHttpSinkhole(new HttpSinkholeOptions { Response = new HttpSinkholeResponse { Status = status } });
        using var client = await sinkhole.ConnectAsync();
        var buffer = new ResponseBuffer();

        await RunningHttpSinkhole.SendAsync(client, "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\nGET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        var first = await RunningHttpSinkhole.ReadResponseAsync(client, buffer);
        var second = await RunningHttpSinkhole.ReadResponseAsync(client, buffer);

        Assert.Equal((status, status), (first!.Status, second!.Status));
        Assert.Equal(2, sinkhole.Hits().Count);
    }

    [Fact]
    public async Task Mutated_requests_over_the_wire_leave_the_server_answering()
    {
        await using var sinkhole = new RunningHttpSinkhole(new HttpSinkholeOptions { IdleTimeout = TimeSpan.FromSeconds(2) });
        var requests = new List<byte[]>();
        HttpFuzzTests.Mutated.Sample(requests.Add, iter: 300, threads: 1);
        var open = new List<Socket>();
        foreach (var request in requests)
        {
            var client = await sinkhole.ConnectAsync();
            open.Add(client);
            await client.SendAsync(request);
        }

        using var probe = await sinkhole.ConnectAsync();
        await RunningHttpSinkhole.SendAsync(probe, "GET /probe HTTP/1.1\r\nHost: evil.example\r\n\r\n");
        var response = await RunningHttpSinkhole.ReadResponseAsync(probe, new ResponseBuffer());

        Assert.Equal(200, response!.Status);
        Assert.Contains(sinkhole.Hits(), h => h.Url == "/probe");
        open.ForEach(s => s.Dispose());
    }

    /// <summary>
    /// A POST to /owa/auth.owa whose framed body arrives in three writes (cut at <paramref name="firstCut"/> and
    /// <paramref name="secondCut"/>), with a GET /after behind it on the same connection: no hit may be recorded
    /// before the body is complete. Returns both responses.
    /// </summary>
    private static async Task<(HttpResponseText? First, HttpResponseText? Second)> PostInThreeWritesThenGetAsync(
        RunningHttpSinkhole sinkhole, string framingHeader, string framedBody, int firstCut, int secondCut)
    {
        using var client = await sinkhole.ConnectAsync();
        var buffer = new ResponseBuffer();
        await RunningHttpSinkhole.SendAsync(client, $"POST /owa/auth.owa HTTP/1.1\r\nHost: evil.example\r\n{framingHeader}\r\n\r\n{framedBody[..firstCut]}");
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Empty(sinkhole.Hits());
        await RunningHttpSinkhole.SendAsync(client, framedBody[firstCut..secondCut]);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        await RunningHttpSinkhole.SendAsync(client, framedBody[secondCut..] + "GET /after HTTP/1.1\r\nHost: evil.example\r\n\r\n");
        return (await RunningHttpSinkhole.ReadResponseAsync(client, buffer), await RunningHttpSinkhole.ReadResponseAsync(client, buffer));
    }
}
