using BenchmarkDotNet.Attributes;
using Rampart.Detection.Indicators;

namespace Rampart.Detection.Bench;

/// <summary>
/// The index kernel: one domain lookup (the name and every parent) against 10M domain indicators,
/// queries on the label-depth profile with about 1% hits. One call is <see cref="Batch"/> lookups.
/// </summary>
[MemoryDiagnoser]
public class IndexLookupBenchmarks
{
    private const int Batch = 4096;

    private IndicatorIndex _index = IndicatorIndex.Empty;
    private string[] _queries = [];
    private readonly IndexHit[] _hits = new IndexHit[16];
    private readonly IndexHit[] _batchHits = new IndexHit[Batch];
    private readonly int[] _counts = new int[Batch];
    private int _next;

    [Params(10_000_000)]
    public int Indicators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = GeneratedIndex.Build(Indicators);
        _queries = LabelDepthProfile.Queries(1 << 20, Indicators);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Lookup_on_the_label_depth_mix()
    {
        var found = 0;
        var queries = _queries;
        var start = _next;
        for (var i = 0; i < Batch; i++)
        {
            found += _index.MatchDomain(queries[(start + i) & (queries.Length - 1)], _hits);
        }

        _next = (start + Batch) & (queries.Length - 1);
        return found;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Lookup_on_the_label_depth_mix_pipelined()
    {
        var start = _next;
        _next = (start + Batch) & (_queries.Length - 1);
        return _index.MatchDomains(_queries.AsSpan(start, Batch), _counts, _batchHits);
    }
}
