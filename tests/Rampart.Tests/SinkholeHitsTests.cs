using Rampart.Core.Sinkhole;

namespace Rampart.Tests;

public sealed class SinkholeHitsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    private static Task<string> StoreWithHitsAsync() =>
        SinkholeStores.WithHitsAsync(
            [
                new SinkholeHit("n:1", "n", 1, T0, "dns-udp", "198.51.100.7", 40001, "case-1", "login.evil.example", 1, "NOERROR 1", null),
                new SinkholeHit("n:2", "n", 2, T0.AddSeconds(1), "http", "198.51.100.8", 40002, "case-1", "login.evil.example", 0, "200", null,
                    "POST", "login.evil.example", "/owa?x=1,2", "=HYPERLINK(\"http://x\")\u001b[31m", null, null, 12, new string('a', 64)),
                new SinkholeHit("n:3", "n", 3, T0.AddSeconds(2), "dns-tcp", "192.0.2.9", 40003, "case-2", "other.example", 28, "NOERROR 1", null),
            ]);

    [Fact]
    public async Task Hits_of_a_case_export_as_formula_safe_csv_with_shadowserver_column_names()
    {
        var data = await StoreWithHitsAsync();

        var result = await RampartCli.RunAsync(data, "sinkhole", "hits", "--case", "case-1", "--csv");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("timestamp,protocol,src_ip,src_port,hostname,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-29 18:00:00.000,dns-udp,198.51.100.7,40001,login.evil.example,1,NOERROR 1,case-1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",POST,login.evil.example,\"/owa?x=1,2\",\"'=HYPERLINK(\"\"http://x\"\")\u001b[31m\",", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("other.example", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hits_on_the_terminal_show_control_characters_escaped_and_filter_by_domain_and_time()
    {
        var data = await StoreWithHitsAsync();

        var all = await RampartCli.RunAsync(data, "sinkhole", "hits");
        var byDomain = await RampartCli.RunAsync(data, "sinkhole", "hits", "--domain", "Other.Example.");
        var late = await RampartCli.RunAsync(data, "sinkhole", "hits", "--since", "2026-11-29T18:00:01Z");

        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Contains("\\x1b[31m", all.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", all.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("other.example", Assert.Single(byDomain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(2, late.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
