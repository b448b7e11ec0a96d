using Rampart.Detection.Lookalikes;

namespace Rampart.Detection.Tests.Lookalikes;

public sealed class LookalikeHunterTests
{
    private static readonly LookalikeEngine Engine = LookalikeEngine.CreateDefault();

    [Fact]
    public void Reports_hits_in_input_order_with_their_line_numbers_and_counts_the_rest()
    {
        var feed = string.Join('\n', Enumerable.Range(0, 70_000).Select(i => i switch
        {
            10 => "hotrnall.com",
            40_000 => "login.microsoft.com.evil.net",
            50_000 => "xn--abc-.com",
            60_000 => "",
            _ => $"name{i}.example",
        }));
        var hits = new List<HuntHit>();
        var summary = new LookalikeHunter(Engine) { Parallelism = 2 }.Run(new StringReader(feed), hits.Add);
        Assert.Equal([11L, 40_001L, 50_001L], hits.Select(h => h.Line));
        Assert.Equal(LookalikeLevel.Invalid, hits[2].Result.Level);
        Assert.Equal(70_000, summary.Lines);
        Assert.Equal(2, summary.Suspicious + summary.Malicious);
        Assert.Equal(1, summary.Invalid);
        Assert.Equal(1, summary.Skipped);
    }

    [Fact]
    public void Reads_names_from_a_csv_column()
    {
        var feed = "rank,domain\n1,example.com\n2,\"hanrnaii.net\"\n";
        var hits = new List<HuntHit>();
        new LookalikeHunter(Engine) { Column = 1 }.Run(new StringReader(feed), hits.Add);
        Assert.Equal("hanrnaii.net", Assert.Single(hits).Result.Host);
    }

    [Fact]
    public void Survives_binary_garbage()
    {
        var random = new Random(7);
        var bytes = new byte[100_000];
        random.NextBytes(bytes);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var hits = new List<HuntHit>();
        var summary = new LookalikeHunter(Engine).Run(new StringReader(text), hits.Add);
        Assert.True(summary.Invalid > 0);
        Assert.All(hits.Where(h => h.Result.Level == LookalikeLevel.Invalid), h => Assert.StartsWith("not a host name", h.Result.Summary, StringComparison.Ordinal));
    }
}
