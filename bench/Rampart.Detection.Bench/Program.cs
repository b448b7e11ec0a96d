using System.Globalization;
using BenchmarkDotNet.Running;
using Rampart.Detection.Bench;

// Plain measurements for the must-show figures, and enforcement.sh's helpers; anything else goes to BenchmarkDotNet.
//   memory [N]            working-set growth per indicator of an index of N generated domains
//   throughput [N]        lookups per second on one thread, single and pipelined
//   lookalike [FILE]      lookalike screening per CPU-second on one thread: random hosts, and FILE's names
//   seed DB [N]           N generated domain indicators straight into a SQLite store
//   enforce URL KEY       add and revoke one indicator through a running server, timing enforcement
return args switch
{
    ["memory", .. var rest] => Measurements.Memory(Count(rest)),
    ["throughput", .. var rest] => Measurements.Throughput(Count(rest)),
    ["lookalike", .. var rest] => Measurements.Lookalike(rest.Length > 0 ? rest[0] : null),
    ["seed", var database, .. var rest] => Enforcement.Seed(database, Count(rest)),
    ["enforce", var server, var key] => await Enforcement.MeasureAsync(new Uri(server), key),
    _ => Run(args),
};

static int Count(string[] rest) => rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000_000;

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Measurements).Assembly).Run(args);
    return 0;
}
