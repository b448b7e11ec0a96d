using BenchmarkDotNet.Attributes;
using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;
using Rampart.Detection.Verdicts;

namespace Rampart.Detection.Bench;

/// <summary>
/// The first verdict engine (frozen dictionaries, parent-domain walk) on 100k domain indicators.
/// The baseline the compiled index of the verdict-engine issue must beat; it allocates per check
/// (parsing, substrings), which that issue removes.
/// </summary>
[MemoryDiagnoser]
public class VerdictBenchmarks
{
    private readonly SnapshotVerdictEngine _engine = new();

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var indicators = Enumerable.Range(0, 100_000).Select(i =>
        {
            var value = $"lure-{i}.example";
            return new Indicator($"indicator--{i}", IndicatorType.Domain, value, value, now, null, 80, "bench", null, false, now, now, 1);
        });
        _engine.Replace(IndicatorSnapshot.Build(indicators, _ => null, 1));
    }

    [Benchmark]
    public Verdict Hit_under_a_parent_domain() => _engine.Check("a.b.lure-4711.example");

    [Benchmark]
    public Verdict Miss_for_a_url() => _engine.Check("https://www.example.org/path?q=1");
}
