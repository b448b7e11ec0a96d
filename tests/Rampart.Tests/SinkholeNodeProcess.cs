using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Rampart.Tests;

/// <summary>A running <c>rampart sinkhole</c> process, started once its <c>sinkhole.json</c> says where it listens.</summary>
internal sealed record SinkholeNodeProcess(Process Process, IPEndPoint Dns, IPEndPoint? Http, StringBuilder Output) : IDisposable
{
    /// <summary>What the node printed so far (standard output and error).</summary>
    public string Printed
    {
        get
        {
            lock (Output)
            {
                return Output.ToString();
            }
        }
    }

    /// <summary>Starts <c>rampart --data DATA sinkhole ARGS</c>; throws with what it printed when it exits or stays silent for a minute.</summary>
    public static async Task<SinkholeNodeProcess> StartAsync(string data, CancellationToken cancellationToken, params string[] args)
    {
        var addressFile = Path.Combine(data, "sinkhole.json");
        File.Delete(addressFile);
        var process = new Process { StartInfo = RampartCli.StartInfo(data, ["sinkhole", .. args]) };
        var output = new StringBuilder();
        // Drained as it comes: a node that logs into a full pipe would stall.
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(addressFile))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                lock (output)
                {
                    throw new InvalidOperationException($"the sinkhole did not start: {output}");
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(addressFile, cancellationToken));
        var http = json.RootElement.GetProperty("http").GetString();
        return new SinkholeNodeProcess(process, IPEndPoint.Parse(json.RootElement.GetProperty("dns").GetString()!), http is null ? null : IPEndPoint.Parse(http), output);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        Process.Dispose();
    }
}
