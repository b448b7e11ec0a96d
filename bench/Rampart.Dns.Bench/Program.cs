using BenchmarkDotNet.Running;
using Rampart.Dns.Bench;

// Kernels: dotnet run -c Release --project bench/Rampart.Dns.Bench -- --filter '*'
// Ingester: dotnet run -c Release --project bench/Rampart.Dns.Bench -- ingest [hits] [postgres connection string]
// Side by side with Knot under dnsperf: bench/Rampart.Dns.Bench/compare.sh
if (args is ["ingest", ..])
{
    return await IngestGate.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
