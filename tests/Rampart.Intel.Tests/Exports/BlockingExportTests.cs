using System.Diagnostics;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;

namespace Rampart.Intel.Tests.Exports;

public sealed class BlockingExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private static Indicator Make(string raw, Tlp? tlp = null, string source = "dcu", string? actor = null)
    {
        var value = IndicatorValueParser.Parse(raw);
        return new Indicator("indicator--" + Guid.NewGuid(), value.Type, value.Value, value.Normalized, Now, null, 80, source, actor, false, Now, Now, 1, tlp);
    }

    private static readonly Indicator[] Feed =
    [
        Make("login.thallium-lure.example", actor: "intrusion-set--thallium"),
        Make("mail-strontium.example"),
        Make("hxxp://barium-c2[.]example/gate.php"),
        Make("198.51.100.7"),
        Make("2001:db8::66"),
        Make("203.0.113.0/24"),
        Make("phish@thallium-lure.example"),
        Make("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Make("login.thallium-lure.example", source: "another-feed"),
    ];

    private static async Task<string> ExportAsync(BlockingFormat format, IEnumerable<Indicator> indicators, MarkingGate? gate = null)
    {
        gate ??= new MarkingGate(TlpLevels.DefaultExportMaximum);
        using var writer = new StringWriter();
        await BlockingExportWriter.WriteAsync(indicators.Where(i => gate.Allows(i.Tlp)).ToAsyncEnumerable(), format, writer, TestContext.Current.CancellationToken);
        return writer.ToString();
    }

    [Fact]
    public async Task The_unbound_export_passes_unbound_checkconf_in_a_config_that_includes_it()
    {
        ExternalTool.SkipUnlessInstalled("/usr/sbin/unbound-checkconf");
        var folder = ExternalTool.TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "rampart.conf"), await ExportAsync(BlockingFormat.Unbound, Feed), TestContext.Current.CancellationToken);
        var config = Path.Combine(folder, "unbound.conf");
        await File.WriteAllTextAsync(config, $"""
            server:
                directory: "{folder}"
                chroot: ""
                username: ""
                interface: 127.0.0.1
                port: 5399
            include: "{Path.Combine(folder, "rampart.conf")}"
            """, TestContext.Current.CancellationToken);

        var (exitCode, output) = await ExternalTool.RunAsync("/usr/sbin/unbound-checkconf", config);

        Assert.True(exitCode == 0, output);
        Assert.Contains("no errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listed_name_gets_the_blocking_answer_from_a_real_dnsmasq_serving_the_dnsmasq_and_hosts_exports()
    {
        ExternalTool.SkipUnlessInstalled("/usr/sbin/dnsmasq");
        ExternalTool.SkipUnlessInstalled("/usr/bin/dig");
        var folder = ExternalTool.TempFolder();
        var dnsmasqFile = Path.Combine(folder, "rampart.dnsmasq.conf");
        var hostsFile = Path.Combine(folder, "rampart.hosts");
        await File.WriteAllTextAsync(dnsmasqFile, await ExportAsync(BlockingFormat.Dnsmasq, Feed[..1]), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(hostsFile, await ExportAsync(BlockingFormat.Hosts, Feed[1..2]), TestContext.Current.CancellationToken);

        var port = ExternalTool.FreePort();
        using var dnsmasq = Process.Start(new ProcessStartInfo("/usr/sbin/dnsmasq",
        [
            "--keep-in-foreground", "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=127.0.0.1", $"--port={port}",
            $"--conf-file={dnsmasqFile}", $"--addn-hosts={hostsFile}", "--user=root", $"--pid-file={Path.Combine(folder, "pid")}",
        ])
        { RedirectStandardError = true })!;
        try
        {
            var fromConf = await DigAsync(port, "login.thallium-lure.example");
            var subdomain = await DigAsync(port, "deeper.login.thallium-lure.example");
            var fromHosts = await DigAsync(port, "mail-strontium.example");

            Assert.Equal("0.0.0.0", fromConf);
            Assert.Equal("0.0.0.0", subdomain);
            Assert.Equal("0.0.0.0", fromHosts);
        }
        finally
        {
            dnsmasq.Kill();
            await dnsmasq.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>dig's short answer; retried for the moment dnsmasq takes to bind.</summary>
    private static async Task<string> DigAsync(int port, string name)
    {
        var output = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            (_, output) = await ExternalTool.RunAsync("/usr/bin/dig", "@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), name, "A", "+short", "+time=1", "+tries=1");
            if (!output.Contains("connection refused", StringComparison.OrdinalIgnoreCase) && !output.Contains("timed out", StringComparison.OrdinalIgnoreCase))
            {
                return output.Trim();
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return output.Trim();
    }

    [Fact]
    public async Task Every_suricata_rule_is_read_back_with_its_sid_by_suricata_updates_rule_parser()
    {
        ExternalTool.SkipUnlessInstalled("/usr/lib/python3/dist-packages/suricata/update/rule.py");
        var rules = await ExportAsync(BlockingFormat.Suricata, Feed);
        var folder = ExternalTool.TempFolder();
        var file = Path.Combine(folder, "rampart.rules");
        await File.WriteAllTextAsync(file, rules, TestContext.Current.CancellationToken);
        var script = Path.Combine(folder, "read.py");
        await File.WriteAllTextAsync(script, """
            import sys
            from suricata.update import rule
            for r in rule.parse_file(sys.argv[1]):
                print(r.sid, r.proto, r.msg)
            """, TestContext.Current.CancellationToken);

        var (exitCode, output) = await ExternalTool.RunAsync("/usr/bin/python3", script, file);

        Assert.True(exitCode == 0, output);
        var expected = rules.Split('\n').Where(l => l.StartsWith("alert ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("sid:", StringComparison.Ordinal) + 4)..l.IndexOf("; rev", StringComparison.Ordinal)]).ToList();
        var readBack = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, readBack);
    }

    [Fact]
    public async Task Suricata_sids_stay_the_same_whatever_else_the_export_holds()
    {
        var alone = await ExportAsync(BlockingFormat.Suricata, Feed[..1]);
        var withOthers = await ExportAsync(BlockingFormat.Suricata, Feed.Reverse());

        static HashSet<string> MatchAndSid(string rules) => rules.Split('\n').Where(l => l.StartsWith("alert", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf("; ", StringComparison.Ordinal)..]).ToHashSet(StringComparer.Ordinal);
        var rulesAlone = MatchAndSid(alone);
        Assert.Equal(3, rulesAlone.Count);
        Assert.Subset(MatchAndSid(withOthers), rulesAlone);
    }

    [Fact]
    public async Task The_zeek_file_has_the_intel_framework_header_and_one_typed_line_per_indicator()
    {
        var lines = (await ExportAsync(BlockingFormat.Zeek, Feed)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The header and rows of the Zeek manual's own example (Intel framework, "Loading Intelligence").
        Assert.Equal("#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc", lines[0]);
        Assert.Equal(
        [
            "login.thallium-lure.example\tIntel::DOMAIN\tdcu\tactor intrusion-set--thallium",
            "mail-strontium.example\tIntel::DOMAIN\tdcu\t-",
            "barium-c2.example/gate.php\tIntel::URL\tdcu\t-",
            "198.51.100.7\tIntel::ADDR\tdcu\t-",
            "2001:db8::66\tIntel::ADDR\tdcu\t-",
            "203.0.113.0/24\tIntel::SUBNET\tdcu\t-",
            "phish@thallium-lure.example\tIntel::EMAIL\tdcu\t-",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\tIntel::FILE_HASH\tdcu\t-",
        ], lines[1..]);
    }

    [Fact]
    public async Task The_ip_list_holds_addresses_and_networks_only()
    {
        var lines = (await ExportAsync(BlockingFormat.Ip, Feed)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["198.51.100.7", "2001:db8::66", "203.0.113.0/24"], lines[1..]);
    }

    [Theory]
    [InlineData(BlockingFormat.Suricata)]
    [InlineData(BlockingFormat.Zeek)]
    [InlineData(BlockingFormat.Hosts)]
    [InlineData(BlockingFormat.Dnsmasq)]
    [InlineData(BlockingFormat.Unbound)]
    [InlineData(BlockingFormat.Ip)]
    public async Task An_indicator_marked_red_appears_in_no_export_even_under_the_highest_ceiling(BlockingFormat format)
    {
        var gate = new MarkingGate(Tlp.AmberStrict);
        var text = await ExportAsync(format, [.. Feed, Make("red-only.example", Tlp.Red), Make("192.0.2.99", Tlp.Red)], gate);

        Assert.DoesNotContain("red-only", text, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.99", text, StringComparison.Ordinal);
        Assert.Equal(2, gate.RefusedTotal);
    }
}
