using BenchmarkDotNet.Attributes;
using Rampart.Intel.Stix.Patterns;

namespace Rampart.Intel.Bench;

/// <summary>Pattern parsing and enforcement analysis: paid once per indicator object on import.</summary>
[MemoryDiagnoser]
public class PatternBenchmarks
{
    private const string Simple = "[domain-name:value = 'login.thallium-lure.example']";
    private const string Compound = "[ipv4-addr:value ISSUBSET '198.51.100.0/24' OR url:value = 'http://a.example/x'] OR [file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']";

    [Benchmark]
    public EnforceablePattern SimpleDomain() => PatternEnforcement.Analyze(StixPatternParser.Parse(Simple).Pattern!);

    [Benchmark]
    public EnforceablePattern OrOfThree() => PatternEnforcement.Analyze(StixPatternParser.Parse(Compound).Pattern!);
}
