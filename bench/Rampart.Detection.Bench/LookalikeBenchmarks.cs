using BenchmarkDotNet.Attributes;
using Rampart.Detection.Lookalikes;

namespace Rampart.Detection.Bench;

/// <summary>
/// The lookalike screen with the default brands. Target (issue #9): ≥3M candidate hosts/s per core,
/// i.e. ≤333 ns per name on the mix, and 0 bytes allocated for names that are not flagged.
/// </summary>
[MemoryDiagnoser]
public class LookalikeBenchmarks
{
    private readonly LookalikeEngine _engine = LookalikeEngine.CreateDefault();
    private readonly char[] _skeleton = new char[64];
    private readonly int[] _map = new int[65];
    private string[] _mix = [];

    [GlobalSetup]
    public void Setup() => _mix = RandomHosts.Create(1000);

    [Benchmark]
    public int Skeleton() => GlyphSkeleton.Fold("login.hotrnall-verify.com", _skeleton, _map);

    [Benchmark]
    public LookalikeLevel Screen_a_clean_name() => _engine.Screen("www.example-shop.co.uk", out _);

    [Benchmark]
    public LookalikeLevel Screen_a_brand_own_name() => _engine.Screen("login.microsoftonline.com", out _);

    [Benchmark]
    public LookalikeLevel Screen_a_lure() => _engine.Screen("hotrnall.com", out _);

    [Benchmark(OperationsPerInvoke = 1000)]
    public int Screen_the_random_mix()
    {
        var flagged = 0;
        foreach (var name in _mix)
        {
            if (_engine.Screen(name, out _) is LookalikeLevel.Suspicious or LookalikeLevel.Malicious)
            {
                flagged++;
            }
        }

        return flagged;
    }
}
