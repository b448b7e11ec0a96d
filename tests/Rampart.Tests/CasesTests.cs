using System.Text.Json;

namespace Rampart.Tests;

public sealed class CasesTests
{
    private const string Whois = """
        domain,registrant_name,registrant_email,name_servers
        hotrnall.com,Kim Ops,kim.ops@proton.example,dns1.registrar-servers.com
        hanrnaii.net,Lee Sun Hee,lsh@mail.example,dns1.registrar-servers.com
        mai1-reset.com,Park Min,kim.ops@proton.example,ns1.kp-bulletproof.net
        login-protect-mail.com,Choi,choi@mail.example,ns1.kp-bulletproof.net
        bakery-01.com,Baker,baker1@bakeries.example,dns1.registrar-servers.com
        bakery-02.com,Baker,baker2@bakeries.example,dns1.registrar-servers.com
        """;

    [Fact]
    public async Task A_case_grows_by_pivoting_exports_the_same_appendix_twice_and_is_published_only_once_seized()
    {
        var data = RampartCli.NewDataFolder();
        var whois = RampartCli.WriteFile(data, "whois.csv", Whois);
        var id = (await RampartCli.RunAsync(data, "case", "new", "THALLIUM")).Stdout.Trim();

        Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "add", id, "hotrnall[.]com", "hanrnaii.net")).ExitCode);
        var pivot = await RampartCli.RunAsync(data, "case", "pivot", id, "--whois", whois, "--add", "all", "--until-done");
        var refused = await RampartCli.RunAsync(data, "case", "status", id, "seized");
        var draftZone = await RampartCli.RunAsync(data, "rpz", "export", "--sinkhole", "192.0.2.53");
        var namedDraft = await RampartCli.RunAsync(data, "rpz", "export", "--case", id, "--policy", "nxdomain");
        var csv1 = await RampartCli.RunAsync(data, "case", "export", id);
        var csv2 = await RampartCli.RunAsync(data, "case", "export", id);
        foreach (var status in new[] { "filed", "granted", "seized" })
        {
            Assert.Equal(0, (await RampartCli.RunAsync(data, "case", "status", id, status)).ExitCode);
        }

        var seizedZone = await RampartCli.RunAsync(data, "rpz", "export", "--sinkhole", "192.0.2.53");
        var show = await RampartCli.RunAsync(data, "case", "show", id, "--format", "json");

        Assert.True(pivot.ExitCode == 0, pivot.Stderr);
        Assert.Contains("added mai1-reset.com: pivot: same registrant e-mail kim.ops@proton.example as hotrnall.com", pivot.Stdout, StringComparison.Ordinal);
        Assert.Contains("added login-protect-mail.com: pivot: same name server ns1.kp-bulletproof.net as mai1-reset.com", pivot.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("bakery", pivot.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("a draft case cannot move to seized", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hotrnall", draftZone.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, namedDraft.ExitCode);
        Assert.Contains("only seized or sinkholed cases are published", namedDraft.Stderr, StringComparison.Ordinal);
        Assert.Equal(csv1.Stdout, csv2.Stdout);
        Assert.Equal(5, csv1.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("*.login-protect-mail.com.rpz.rampart. 300 IN A 192.0.2.53", seizedZone.Stdout, StringComparison.Ordinal);
        Assert.Contains("IN SOA localhost. hostmaster.rampart.invalid. 2 ", seizedZone.Stdout, StringComparison.Ordinal);
        using var detail = JsonDocument.Parse(show.Stdout);
        Assert.Equal(["hanrnaii.net", "hotrnall.com", "login-protect-mail.com", "mai1-reset.com"],
            detail.RootElement.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("domain").GetString()));
    }

    [Fact]
    public async Task Hunt_hits_join_a_case_each_with_its_lookalike_explanation_as_the_reason()
    {
        var data = RampartCli.NewDataFolder();
        var feed = RampartCli.WriteFile(data, "new-domains.txt", "hotrnall.com\nexample.org\nrnicrosoft.com\n");
        var hunt = await RampartCli.RunAsync(data, "hunt", feed, "--format", "jsonl");
        var hits = RampartCli.WriteFile(data, "hits.jsonl", hunt.Stdout + "{\"line\":9,\"level\":\"suspicious\"}\n");
        var id = (await RampartCli.RunAsync(data, "case", "new", "From the feed")).Stdout.Trim();

        var add = await RampartCli.RunAsync(data, "case", "add", id, "--from-hunt", hits);
        var show = await RampartCli.RunAsync(data, "case", "show", id, "--format", "json");

        Assert.True(add.ExitCode == 0, add.Stderr);
        Assert.Contains("added 2 domains", add.Stdout, StringComparison.Ordinal);
        Assert.Contains("hits.jsonl:3: host: missing", add.Stderr, StringComparison.Ordinal);
        using var detail = JsonDocument.Parse(show.Stdout);
        var domains = detail.RootElement.GetProperty("domains").EnumerateArray().ToDictionary(d => d.GetProperty("domain").GetString()!, d => d.GetProperty("reason").GetString()!);
        Assert.Equal(["hotrnall.com", "rnicrosoft.com"], domains.Keys.Order());
        Assert.Contains("lookalike of hotmail.com", domains["hotrnall.com"], StringComparison.Ordinal);
        Assert.StartsWith("hunt hits.jsonl:2: suspicious", domains["rnicrosoft.com"], StringComparison.Ordinal);
    }
}
