using BenchmarkDotNet.Attributes;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Bench;

/// <summary>
/// The reader kernel: 10,000 generated records (UAL, Entra sign-ins and audits as JSON lines) from
/// memory into events. Divide by 10,000 for the time and allocation per record.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private const int Records = 10_000;
    private byte[] _log = [];

    [GlobalSetup]
    public void Setup()
    {
        using var output = new MemoryStream();
        new AuditLogGenerator().Write(output, Records);
        _log = output.ToArray();
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int ReadJsonLines()
    {
        using var stream = new MemoryStream(_log, writable: false);
        var events = 0;
        foreach (var item in new AuditLogReader().Read(stream, "bench.jsonl"))
        {
            if (item.Event is not null)
            {
                events++;
            }
        }

        return events;
    }
}
