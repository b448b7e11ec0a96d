using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Rampart.Dns.Http;

namespace Rampart.Dns.Tests.Http;

/// <summary>The TLS ports, driven by real clients: curl and openssl s_client against a certificate made in the test.</summary>
public sealed class HttpsSinkholeTests : IDisposable
{
    private readonly X509Certificate2 _certificate = TestCertificate.Create("sinkhole.test");

    private HttpSinkholeOptions Options(params int[] ports) => new() { TlsPorts = ports, Certificate = _certificate, IdleTimeout = TimeSpan.FromSeconds(5), HandshakeTimeout = TimeSpan.FromSeconds(2) };

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public async Task Curl_over_TLS_is_answered_on_one_kept_alive_connection_and_each_request_is_recorded_with_its_server_name()
    {
        await using var sinkhole = new RunningHttpSinkhole(Options(0, 0));
        var port = sinkhole.TlsPort;
        var at = $"login.hanrnaii.net:{port}:127.0.0.1";

        var (exit, output) = await RunningHttpSinkhole.RunAsync(
            "curl", "user=victim&pw=Sup3rSecret", "-sS", "-k", "--resolve", at, "-w", "|%{http_code}|%{num_connects}\n",
            $"https://login.hanrnaii.net:{port}/owa/?a=1", "-A", "=cmd|x",
            "--next", "-sS", "-k", "--resolve", at, "-w", "|%{http_code}|%{num_connects}\n", "-H", "Transfer-Encoding: chunked", "--data-binary", "@-",
            $"https://login.hanrnaii.net:{port}/post");

        Assert.True(exit == 0, output);
        Assert.Contains("taken down", output, StringComparison.Ordinal);
        Assert.Contains("|200|1\n", output, StringComparison.Ordinal);
        Assert.Contains("|200|0\n", output, StringComparison.Ordinal); // the second request reused the connection
        var hits = sinkhole.Hits();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(("https", "login.hanrnaii.net", "case-1", "login.hanrnaii.net", "200"), (h.Transport, h.TlsSni, h.CaseId, h.QueryName, h.Answer)));
        Assert.Equal(("/owa/?a=1", "=cmd|x"), (hits[0].Url, hits[0].UserAgent));
        Assert.Equal(("POST", 26L), (hits[1].HttpMethod, hits[1].BodyLength));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("user=victim&pw=Sup3rSecret"u8)), hits[1].BodySha256);
        Assert.Equal(-1, sinkhole.SpoolBytes().AsSpan().IndexOf("Sup3rSecret"u8));
        Assert.Equal(2, sinkhole.Server.TlsEndPoints.Count);
    }

    [Fact]
    public async Task Openssl_s_client_with_a_server_name_gets_the_page_and_without_one_the_host_files_the_hit()
    {
        await using var sinkhole = new RunningHttpSinkhole(Options(0));
        var connect = $"127.0.0.1:{sinkhole.TlsPort}";

        var named = await RunningHttpSinkhole.RunAsync(
            "openssl", "GET /mail HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", "s_client", "-quiet", "-ign_eof", "-connect", connect, "-servername", "hotrnall.com");
        var unnamed = await RunningHttpSinkhole.RunAsync(
            "openssl", "GET /plain HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", "s_client", "-quiet", "-ign_eof", "-connect", connect, "-noservername");

        Assert.Contains("HTTP/1.1 200 OK", named.Output, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 OK", unnamed.Output, StringComparison.Ordinal);
        var hits = sinkhole.Hits();
        Assert.Equal(("/mail", "hotrnall.com", "evil.example", "case-2"), (hits[0].Url, hits[0].TlsSni, hits[0].QueryName, hits[0].CaseId));
        Assert.Equal(("/plain", null, "https"), (hits[1].Url, hits[1].TlsSni, hits[1].Transport));
    }

    [Fact]
    public async Task Plain_HTTP_or_garbage_on_the_TLS_port_is_dropped_unrecorded_and_the_port_keeps_answering()
    {
        await using var sinkhole = new RunningHttpSinkhole(Options(0));
        foreach (var junk in new[] { "GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n", "\u0016\u0003\u0001\u0000\u0005hello", "\u0016\u0003\u0001\u00ff\u00ff" + new string('x', 300) })
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(sinkhole.Server.TlsEndPoints[0], TestContext.Current.CancellationToken);
            await RunningHttpSinkhole.SendAsync(socket, junk);
            var buffer = new byte[512];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
                // Whatever the server says (a TLS alert at most), it then closes.
            }
        }

        var after = await RunningHttpSinkhole.RunAsync("curl", "", "-sS", "-k", "--resolve", $"evil.example:{sinkhole.TlsPort}:127.0.0.1", $"https://evil.example:{sinkhole.TlsPort}/after");

        Assert.True(after.ExitCode == 0, after.Output);
        Assert.Equal(["/after"], sinkhole.Hits().Select(h => h.Url));
    }

    [Fact]
    public async Task A_client_that_refuses_the_certificate_after_naming_a_server_is_recorded_once_with_that_name()
    {
        await using var sinkhole = new RunningHttpSinkhole(Options(0));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(sinkhole.Server.TlsEndPoints[0], TestContext.Current.CancellationToken);
        await using var client = new SslStream(new NetworkStream(socket, ownsSocket: false));

        // The client refuses the certificate, as a browser would a sinkhole's.
        await Assert.ThrowsAnyAsync<AuthenticationException>(() => client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "login.hanrnaii.net",
            RemoteCertificateValidationCallback = (_, _, _, _) => false,
        }, TestContext.Current.CancellationToken));
        socket.Dispose();
        var hits = await WaitForHitsAsync(sinkhole, 1);

        var hit = Assert.Single(hits);
        Assert.Equal(("https", "login.hanrnaii.net", "login.hanrnaii.net", "case-1", HttpHitCodec.NoRequest, ""), (hit.Transport, hit.TlsSni, hit.QueryName, hit.CaseId, hit.Answer, hit.HttpMethod));
        Assert.Equal(0, sinkhole.Server.Answered);
    }

    [Fact]
    public async Task A_handshake_that_fails_on_the_server_after_the_client_named_a_server_is_recorded_with_that_name()
    {
        await using var sinkhole = new RunningHttpSinkhole(Options(0));

        // TLS 1.2 with only an RSA key exchange: the sinkhole's ECDSA certificate shares no cipher with it.
        var failed = await RunningHttpSinkhole.RunAsync(
            "openssl", "", "s_client", "-connect", $"127.0.0.1:{sinkhole.TlsPort}", "-servername", "www.evil.example", "-tls1_2", "-cipher", "AES128-SHA256");
        var hits = await WaitForHitsAsync(sinkhole, 1);

        Assert.NotEqual(0, failed.ExitCode);
        var hit = Assert.Single(hits);
        Assert.Equal(("www.evil.example", "case-2", HttpHitCodec.NoRequest), (hit.TlsSni, hit.CaseId, hit.Answer));
    }

    [Fact]
    public void A_TLS_port_without_a_certificate_and_key_is_refused_at_start()
    {
        using var folder = new TempFolder();
        using var spool = Rampart.Dns.Spool.HitSpool.Open(new Rampart.Dns.Spool.SpoolOptions { Directory = folder.Path, NodeId = "n" });
        var zones = new Rampart.Dns.Sinkhole.StaticZoneSource(Sinkhole.TestZones.Create());
        using var publicOnly = X509CertificateLoader.LoadCertificate(_certificate.RawData);

        var none = Assert.Throws<ArgumentException>(() => new HttpSinkholeServer(new HttpSinkholeOptions { TlsPorts = [0] }, zones, spool));
        var keyless = Assert.Throws<ArgumentException>(() => new HttpSinkholeServer(new HttpSinkholeOptions { TlsPorts = [0], Certificate = publicOnly }, zones, spool));

        Assert.Contains("private key", none.Message, StringComparison.Ordinal);
        Assert.Contains("private key", keyless.Message, StringComparison.Ordinal);
    }

    /// <summary>The server records a failed handshake when it sees the failure, a moment after the client does.</summary>
    private static async Task<List<Rampart.Core.Sinkhole.SinkholeHit>> WaitForHitsAsync(RunningHttpSinkhole sinkhole, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var hits = sinkhole.Hits();
            if (hits.Count >= count)
            {
                return hits;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return sinkhole.Hits();
    }
}
