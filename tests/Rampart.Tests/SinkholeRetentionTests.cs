using Rampart.Core.Sinkhole;

namespace Rampart.Tests;

public sealed class SinkholeRetentionTests
{
    private static readonly DateTimeOffset Today = new(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);

    private static SinkholeHit Hit(long sequence, DateTimeOffset at, string caseId = "case-1") =>
        new($"n:{sequence}", "n", sequence, at, "dns-udp", "192.0.2.7", 40000, caseId, "login.evil.example", 1, "NOERROR 1", null);

    [Fact]
    public async Task Rollup_turns_old_raw_hits_into_daily_counts_that_victims_still_show_and_a_second_run_does_nothing()
    {
        var data = await SinkholeStores.WithHitsAsync([Hit(1, Today.AddDays(-5).AddHours(1)), Hit(2, Today.AddDays(-5).AddHours(2)), Hit(3, Today.AddDays(-4)), Hit(4, Today.AddHours(-1))]);

        var rollup = await RampartCli.RunAsync(data, "sinkhole", "rollup", "--days", "2");
        var again = await RampartCli.RunAsync(data, "sinkhole", "rollup", "--days", "2");
        var raw = await RampartCli.RunAsync(data, "sinkhole", "hits", "--case", "case-1");
        var victims = await RampartCli.RunAsync(data, "victims", "list", "--case", "case-1");

        Assert.True(rollup.ExitCode == 0, rollup.Stderr);
        Assert.Contains($"{Today.AddDays(-5):yyyy-MM-dd}: 2 raw hits into 1 daily rows", rollup.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 days rolled up (3 raw hits)", rollup.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 days rolled up", again.Stdout, StringComparison.Ordinal);
        Assert.Single(raw.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("(unattributed)  4 hits", victims.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_removes_a_case_s_raw_hits_and_says_how_many()
    {
        var data = await SinkholeStores.WithHitsAsync([Hit(1, Today.AddHours(-2)), Hit(2, Today.AddHours(-1)), Hit(3, Today.AddHours(-1), "case-2")]);

        var purge = await RampartCli.RunAsync(data, "sinkhole", "purge", "--case", "case-1");
        var left = await RampartCli.RunAsync(data, "sinkhole", "hits");

        Assert.True(purge.ExitCode == 0, purge.Stderr);
        Assert.Equal("case-1: 2 raw hits removed", purge.Stdout.Trim());
        Assert.Contains("case-2", Assert.Single(left.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
    [Fact]
    public async Task Hits_daily_lists_the_rolled_up_counts_as_text_or_formula_safe_csv()
    {
        var data = await SinkholeStores.WithHitsAsync([Hit(1, Today.AddDays(-5).AddHours(1)), Hit(2, Today.AddDays(-5).AddHours(2)), Hit(3, Today.AddDays(-4), "=case"), Hit(4, Today.AddHours(-1))]);
        await RampartCli.RunAsync(data, "sinkhole", "rollup", "--days", "2");

        var text = await RampartCli.RunAsync(data, "sinkhole", "hits", "--daily", "--case", "case-1");
        var csv = await RampartCli.RunAsync(data, "sinkhole", "hits", "--daily", "--csv", "--since", Today.AddDays(-4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.StartsWith($"{Today.AddDays(-5):yyyy-MM-dd}  192.0.2.7  case-1  login.evil.example  2 hits", Assert.Single(text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("1 daily rows", text.Stderr, StringComparison.Ordinal);
        var lines = csv.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["timestamp,src_ip,hostname,case_id,organization,first_seen,last_seen,count", $"{Today.AddDays(-4):yyyy-MM-dd},192.0.2.7,login.evil.example,'=case,,{Today.AddDays(-4):yyyy-MM-dd} 00:00:00.000,{Today.AddDays(-4):yyyy-MM-dd} 00:00:00.000,1"], lines);
    }
}
