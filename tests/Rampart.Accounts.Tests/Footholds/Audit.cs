using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;
using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>Runs the footholds analysis over a scenario folder, with THALLIUM's address in the indicator store.</summary>
internal static class Audit
{
    public const string IntruderAddress = "203.0.113.66";

    public static string Folder(string scenario) => Path.Combine(AppContext.BaseDirectory, "Footholds", "Scenarios", scenario);

    public static Task<FootholdAnalysis> ScenarioAsync(string scenario, params string[] extraJsonLines) => RunAsync(Directory.GetFiles(Folder(scenario)).Order(StringComparer.Ordinal), extraJsonLines);

    public static async Task<FootholdAnalysis> RunAsync(IEnumerable<string> files, params string[] extraJsonLines)
    {
        var analyzer = new FootholdAnalyzer();
        var reader = new AuditLogReader(new AuditLogReaderOptions { Parallelism = 1 });
        foreach (var file in files)
        {
            foreach (var item in reader.ReadFile(file))
            {
                Assert.True(item.Problem is null, item.Problem?.ToString());
                analyzer.Add(item.Event!);
            }
        }

        if (extraJsonLines.Length > 0)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', extraJsonLines)));
            foreach (var item in reader.Read(stream, "extra.jsonl"))
            {
                Assert.True(item.Problem is null, item.Problem?.ToString());
                analyzer.Add(item.Event!);
            }
        }

        return await analyzer.AnalyzeAsync(Indicators(), TestContext.Current.CancellationToken);
    }

    public static IVerdictEngine Indicators()
    {
        Assert.True(IndicatorValueParser.TryParse(IntruderAddress, out var error, out var value), error);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var indicator = new Indicator("indicator--5e0b2c3a-0000-4000-8000-000000000001", value.Type, value.Value, value.Normalized, at, null, 90,
            "dcu-thallium", "intrusion-set--thallium", false, at, at, 1);
        var engine = new IndexVerdictEngine(new InMemoryIndicatorRecords([indicator], _ => "THALLIUM", TimeProvider.System));
        var builder = new IndicatorIndexBuilder();
        builder.Add(indicator, "THALLIUM");
        engine.Replace(IndicatorView.Of(builder.Build(1)));
        return engine;
    }
}
