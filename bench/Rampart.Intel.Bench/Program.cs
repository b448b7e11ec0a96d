using BenchmarkDotNet.Running;
using Rampart.Intel.Bench;

// `stix-import [count] [postgres]`: the bulk-import gate (generated bundle → fresh SQLite store, and PostgreSQL when given, twice);
// `stix-parse [count]`, `stix-write [count] [postgres]`: the import's two stages apart (read and parse; write);
// `attack-import`: the 50 MB ATT&CK path (a generated Enterprise-sized bundle, then a newer release over it);
// anything else: the BenchmarkDotNet kernels. `--random-ids` (stix-*): the generated bundle's ids are random UUIDs, as real feeds' are.
if (args.Length > 0 && args[0].StartsWith("stix-", StringComparison.Ordinal) && args.Contains("--random-ids"))
{
    StixBundleGenerator.RandomIds = true;
    args = args.Where(a => a != "--random-ids").ToArray();
}

if (args.Length > 0 && args[0] == "stix-import")
{
    return await StixImportGate.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 2 ? args[2] : Environment.GetEnvironmentVariable("RAMPART_TEST_POSTGRES"));
}

if (args.Length > 0 && args[0] == "stix-parse")
{
    return StixImportGate.Parse(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

if (args.Length > 0 && args[0] == "stix-write")
{
    return await StixImportGate.WriteAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000,
        args.Length > 2 ? args[2] : Environment.GetEnvironmentVariable("RAMPART_TEST_POSTGRES"));
}

if (args.Length > 0 && args[0] == "attack-import")
{
    return await AttackImportGate.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
