using BenchmarkDotNet.Running;
using Rampart.Accounts.Bench;

// `gate [DIR]`: the SigmaHQ rules gate; `throughput`: the end-to-end rule-evaluation run; otherwise BenchmarkDotNet.
return args switch
{
    ["gate", .. var rest] => SigmaHqGate.Run(rest.FirstOrDefault()),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SigmaHqGate).Assembly).Run(args);
    return 0;
}
