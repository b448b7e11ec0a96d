using System.Diagnostics;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Tests.Sinkhole;

/// <summary>A real sinkhole on 127.0.0.1, port 0, with its spool in a scratch folder.</summary>
internal sealed class RunningSinkhole : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    public RunningSinkhole(SinkholeZoneSet? zones = null)
    {
        Spool = HitSpool.Open(new SpoolOptions { Directory = Path.Combine(_folder.Path, "spool"), NodeId = "test-node" });
        Zones = new StaticZoneSource(zones ?? TestZones.Create());
        Server = new DnsSinkholeServer(new SinkholeServerOptions { Port = 0, UdpLoops = 2 }, Zones, Spool);
        Server.Start();
    }

    public DnsSinkholeServer Server { get; }

    public HitSpool Spool { get; }

    public StaticZoneSource Zones { get; }

    public int Port => Server.UdpEndPoint.Port;

    /// <summary>Runs dig or kdig against the server and returns what it printed.</summary>
    public async Task<string> RunAsync(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, $"@127.0.0.1 -p {Port} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output + error;
    }

    public List<SpoolEntry> Hits()
    {
        var entries = new List<SpoolEntry>();
        foreach (var (_, path) in SpoolFormat.Segments(Spool.Directory))
        {
            SpoolReader.Read(path, 0, int.MaxValue, entries);
        }

        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Spool.Dispose();
        _folder.Dispose();
    }
}
