using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rampart.Cases.Cases;
using Rampart.Cases.Tests.Rpz;
using Rampart.Core.Cases;

namespace Rampart.Cases.Tests.Cases;

public sealed class DnsCaptureTests
{
    [Fact]
    public async Task DNS_facts_are_captured_through_the_named_resolver_with_its_address_the_query_time_and_the_raw_answer()
    {
        if (!File.Exists(ResolverLab.Unbound))
        {
            Assert.Skip($"skipped: {ResolverLab.Unbound} is not installed (apt-get install the packages in .ci/apt/cases.txt)");
        }

        var folder = Path.Combine(Path.GetTempPath(), "rampart-dns-capture", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "unbound.conf"), $"""
            server:
              interface: 127.0.0.1@{port}
              do-daemonize: no
              chroot: ""
              username: ""
              directory: "{folder}"
              pidfile: "{folder}/unbound.pid"
              use-syslog: no
              access-control: 127.0.0.0/8 allow
              module-config: "iterator"
              do-not-query-address: 0.0.0.0/0
              do-not-query-address: ::/0
              local-zone: "hotrnall.com." static
              local-data: "hotrnall.com. 300 IN A 203.0.113.7"
              local-data: "hotrnall.com. 300 IN AAAA 2001:db8::7"
              local-data: "hotrnall.com. 300 IN NS ns1.kp-bulletproof.net."
              local-data: "hotrnall.com. 300 IN MX 10 mx.hotrnall.com."
              local-data: "hotrnall.com. 300 IN SOA ns1.kp-bulletproof.net. admin.hotrnall.com. 2026010201 3600 600 86400 300"
            """, TestContext.Current.CancellationToken);
        using var unbound = Process.Start(new ProcessStartInfo(ResolverLab.Unbound, ["-d", "-c", Path.Combine(folder, "unbound.conf")]) { RedirectStandardError = true })!;
        try
        {
            var resolver = new IPEndPoint(IPAddress.Loopback, port);
            var capture = new DnsCapture(resolver, TimeProvider.System, TimeSpan.FromSeconds(1));
            var before = DateTimeOffset.UtcNow;
            NewEvidence? evidence = null;
            for (var attempt = 0; attempt < 50 && evidence?.Summary.Contains("A 203.0.113.7", StringComparison.Ordinal) != true; attempt++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
                evidence = await capture.CaptureAsync("hotrnall.com", TestContext.Current.CancellationToken);
            }

            Assert.NotNull(evidence);
            Assert.Equal(EvidenceKind.Dns, evidence.Kind);
            Assert.Equal($"resolver 127.0.0.1:{port}", evidence.Source);
            Assert.InRange(evidence.CapturedAt, before, DateTimeOffset.UtcNow);
            Assert.Contains("A 203.0.113.7", evidence.Summary, StringComparison.Ordinal);
            Assert.Contains("AAAA 2001:db8::7", evidence.Summary, StringComparison.Ordinal);
            Assert.Contains("MX 10 mx.hotrnall.com.", evidence.Summary, StringComparison.Ordinal);
            Assert.Contains("NS ns1.kp-bulletproof.net.", evidence.Summary, StringComparison.Ordinal);
            Assert.Contains("SOA ns1.kp-bulletproof.net.", evidence.Summary, StringComparison.Ordinal);
            Assert.Contains("hotrnall.com. 300 IN A 203.0.113.7", evidence.Data, StringComparison.Ordinal);
            Assert.Contains($";; hotrnall.com MX @127.0.0.1:{port} rcode=NoError", evidence.Data, StringComparison.Ordinal);
        }
        finally
        {
            unbound.Kill();
            await unbound.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Unbound cannot report a port it picked itself, so the test picks a free one; the tiny race is retried above.</summary>
    private static int FreePort()
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
    }
}
