using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rampart.Intel.Tests.Exports;

/// <summary>Runs the real tools (Debian packages listed in .ci/apt/intel.txt) the blocking exports are written for.</summary>
internal static class ExternalTool
{
    public static void SkipUnlessInstalled(string path)
    {
        if (!File.Exists(path))
        {
            Assert.Skip($"skipped: {path} is not installed (apt-get install the packages in .ci/apt/intel.txt)");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// A UDP and TCP port free on 127.0.0.1 right now. dnsmasq cannot take port 0, so the test picks
    /// one at run time; the tiny race with another process is retried by the caller.
    /// </summary>
    public static int FreePort()
    {
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
        tcp.Stop();
        return port;
    }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-export-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
