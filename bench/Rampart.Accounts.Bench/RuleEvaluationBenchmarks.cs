using BenchmarkDotNet.Attributes;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>The rule-evaluation kernel: one normalized UAL event against every SigmaHQ cloud rule of its log source. Budget: 0 bytes an event.</summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private readonly List<SigmaMatch> _matches = new(64);
    private SigmaEvaluator _evaluator = null!;
    private List<AuditEvent> _events = [];
    private SigmaLogSource[] _sources = [];

    [GlobalSetup]
    public void Setup()
    {
        var (set, _) = CloudRules.Load();
        _evaluator = set.CreateEvaluator();
        _events = ThroughputRun.Read(new AuditLogGenerator(ualOnly: true).Generate(64));
        _sources = [.. _events.Select(ThroughputRun.SourceOf)];
    }

    /// <summary>64 events a call: the per-event cost is the reported time / 64.</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public int EvaluateUalEvent()
    {
        var total = 0;
        for (var i = 0; i < _events.Count; i++)
        {
            _matches.Clear();
            total += _evaluator.Evaluate(_sources[i], _events[i].Data, DateTimeOffset.UnixEpoch, _matches);
        }

        return total;
    }
}
