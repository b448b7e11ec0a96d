using BenchmarkDotNet.Running;
using Rampart.Accounts.Bench;

// `gate [DIR]`: the SigmaHQ rules gate; `generate FILE RECORDS` and `scan FILE [RULES]`: the end-to-end log run; `throughput`: the end-to-end rule-evaluation run; otherwise BenchmarkDotNet.
return args switch
{
    ["gate", .. var rest] => SigmaHqGate.Run(rest.FirstOrDefault()),
    ["throughput", .. var rest] => ThroughputRun.Run(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 200_000),
    ["generate", var file, var records] => EndToEnd.Generate(file, long.Parse(records, System.Globalization.CultureInfo.InvariantCulture)),
    ["scan", var file, .. var rules] => EndToEnd.Scan(file, rules.FirstOrDefault()),
    ["audit", var file, .. var rest] => FootholdsRun.Run(file, rest.FirstOrDefault(), rest.Skip(1).FirstOrDefault()),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SigmaHqGate).Assembly).Run(args);
    return 0;
}
