using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>The rule-evaluation kernel: one parsed UAL event against every SigmaHQ cloud rule of its log source. Budget: 0 bytes an event.</summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private readonly List<SigmaMatch> _matches = new(64);
    private SigmaEvaluator _evaluator = null!;
    private JsonDocument[] _documents = [];
    private SigmaLogSource[] _sources = [];

    [GlobalSetup]
    public void Setup()
    {
        var (set, _) = CloudRules.Load();
        _evaluator = set.CreateEvaluator();
        var (lines, sources) = UalGenerator.Generate(64);
        _documents = [.. UalGenerator.Split(lines).Select(s => JsonDocument.Parse(lines.AsMemory(s.Start, s.Length)))];
        _sources = sources;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }
    }

    /// <summary>64 events a call: the per-event cost is the reported time / 64.</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public int EvaluateUalEvent()
    {
        var total = 0;
        for (var i = 0; i < _documents.Length; i++)
        {
            _matches.Clear();
            total += _evaluator.Evaluate(_sources[i], _documents[i].RootElement, DateTimeOffset.UnixEpoch, _matches);
        }

        return total;
    }
}
