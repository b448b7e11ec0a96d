using BenchmarkDotNet.Running;
using Rampart.Intel.Bench;

// `stix-import [count]`: the bulk-import gate (generated bundle → fresh SQLite store, twice);
// anything else: the BenchmarkDotNet kernels.
if (args.Length > 0 && args[0] == "stix-import")
{
    return await StixImportGate.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
