using BenchmarkDotNet.Running;

// Kernels: dotnet run -c Release --project bench/Rampart.Dns.Bench -- --filter '*'
// Side by side with Knot under dnsperf: bench/Rampart.Dns.Bench/compare.sh
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
