using BenchmarkDotNet.Running;
using Rampart.Detection.Bench;

// "memory" and "throughput" are plain measurements for the must-show figures; anything else goes to BenchmarkDotNet.
return args switch
{
    ["memory", ..] => Measurements.Memory(Count(args)),
    ["throughput", ..] => Measurements.Throughput(Count(args)),
    _ => Run(args),
};

static int Count(string[] args) => args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Measurements).Assembly).Run(args);
    return 0;
}
