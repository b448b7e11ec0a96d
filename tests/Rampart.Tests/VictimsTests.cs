using Rampart.Core.Sinkhole;

namespace Rampart.Tests;

public sealed class VictimsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    private static Task<string> StoreWithHitsAsync() =>
        SinkholeStores.WithHitsAsync(
            [
                new SinkholeHit("n:1", "n", 1, T0, "dns-udp", "192.0.2.7", 40001, "case-1", "login.evil.example", 1, "NOERROR 1", null),
                new SinkholeHit("n:2", "n", 2, T0.AddMinutes(5), "dns-udp", "192.0.2.7", 40002, "case-1", "x\u001b[31m.evil.example", 1, "NOERROR 1", null),
                new SinkholeHit("n:3", "n", 3, T0.AddMinutes(9), "http", "198.51.100.20", 40003, "case-1", "login.evil.example", 0, "200", null, "GET", "login.evil.example", "/", null, null, null, null, null),
                new SinkholeHit("n:4", "n", 4, T0.AddMinutes(1), "dns-tcp", "2001:db8:1::5", 40004, "case-1", "@evil.example", 28, "NOERROR 1", null),
                new SinkholeHit("n:5", "n", 5, T0, "dns-udp", "192.0.2.8", 40005, "case-2", "other.example", 1, "NOERROR 1", null),
            ]);

    [Fact]
    public async Task A_table_imports_with_its_bad_rows_reported_by_file_line_and_field_and_skipped()
    {
        var data = await StoreWithHitsAsync();
        var orgs = RampartCli.WriteFile(data, "orgs.csv", "cidr,org,asn,country\n192.0.2.0/24,Think Tank A,64500,US\n192.0.2.9/24,Bad,,\n2001:db8:1::/48,University B,,\n");

        var result = await RampartCli.RunAsync(data, "victims", "import", orgs);
        var tables = await RampartCli.RunAsync(data, "victims", "tables");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("orgs.csv: 2 networks imported (replacing 0), 1 bad rows skipped", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{orgs}:3: network: '192.0.2.9/24' has host bits set", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("orgs.csv  organizations  2 networks", tables.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_with_nothing_to_import_is_refused_and_the_stored_one_kept()
    {
        var data = await StoreWithHitsAsync();
        var good = RampartCli.WriteFile(data, "orgs.csv", "192.0.2.0/24,Think Tank A\n");
        var empty = RampartCli.WriteFile(data, "empty.csv", "network,asn\n192.0.2.0/24,64500\n");
        await RampartCli.RunAsync(data, "victims", "import", good);

        var refused = await RampartCli.RunAsync(data, "victims", "import", empty, "--name", "orgs.csv");
        var tables = await RampartCli.RunAsync(data, "victims", "tables");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains($"{empty}:1: header: no organization column", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("orgs.csv  organizations  1 networks", tables.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Victims_of_a_case_are_listed_per_organization_with_hostile_names_escaped()
    {
        var data = await StoreWithHitsAsync();
        await RampartCli.RunAsync(data, "victims", "import", RampartCli.WriteFile(data, "orgs.csv", "network,organization\n192.0.2.0/24,Think Tank A\n2001:db8:1::/48,University B\n"));
        await RampartCli.RunAsync(data, "victims", "import", RampartCli.WriteFile(data, "asn.csv", "network,asn,as_name\n198.51.100.0/24,64501,EXAMPLE-NET\n"), "--asn");

        var text = await RampartCli.RunAsync(data, "victims", "list", "--case", "case-1");
        var csv = await RampartCli.RunAsync(data, "victims", "list", "--case", "case-1", "--format", "csv");
        var unknown = await RampartCli.RunAsync(data, "victims", "list", "--case", "case-9");

        Assert.True(text.ExitCode == 0, text.Stderr);
        var lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Think Tank A  2 hits  2026-11-29 18:00:00 – 2026-11-29 18:05:00  1 sources", lines[0], StringComparison.Ordinal);
        Assert.Contains("login.evil.example, x\\x1b[31m.evil.example", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text.Stdout, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("AS64501 EXAMPLE-NET  1 hits", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("University B  1 hits", StringComparison.Ordinal));
        Assert.DoesNotContain("other.example", text.Stdout, StringComparison.Ordinal);
        var rows = csv.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rows.Length);
        Assert.Contains(rows, r => r.Contains(",2001:db8:1::5,,,University B,'@evil.example,", StringComparison.Ordinal));
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no case case-9 and no hits for it", unknown.Stderr, StringComparison.Ordinal);
    }
}
