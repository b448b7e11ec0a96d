using System.Diagnostics;
using System.Text;

namespace Rampart.Tests;

/// <summary>
/// Runs a test inside a network namespace of its own with only loopback up (<c>unshare -n</c>), as
/// issue #14 asks of load and fault tests: no packet can leave, and a server the test starts there
/// (its own PostgreSQL) cannot meet the host's. The test executable re-runs itself inside, filtered to
/// the one test, with <c>RAMPART_LOOPBACK_NAMESPACE=1</c>; the outer test passes or fails with it.
/// </summary>
internal static class LoopbackNamespace
{
    private const string Unshare = "/usr/bin/unshare";
    private const string InsideVariable = "RAMPART_LOOPBACK_NAMESPACE";

    /// <summary>True in the re-run inside the namespace.</summary>
    public static bool IsInside => Environment.GetEnvironmentVariable(InsideVariable) == "1";

    /// <summary>Whether this machine can make one: <c>unshare -n</c> needs root.</summary>
    public static bool IsAvailable => File.Exists(Unshare) && Environment.UserName == "root";

    /// <summary>Why a test that needs the namespace is skipped here.</summary>
    public static string Unavailable => File.Exists(Unshare) ? "skipped: unshare -n needs root" : $"skipped: {Unshare} is not installed";

    /// <summary>
    /// Runs <paramref name="testClass"/>.<paramref name="method"/> inside a fresh namespace and returns
    /// the lines it reported (see <c>RAMPART_SINKHOLE_REPORT</c>); fails with what it printed when it fails.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(Type testClass, string method, CancellationToken cancellationToken)
    {
        var folder = RampartCli.NewDataFolder();
        var report = Path.Combine(folder, "report.txt");
        var start = new ProcessStartInfo(Unshare)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-n", "/bin/sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"",
                     Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", testClass.Assembly.Location,
                     "--filter-method", $"{testClass.FullName}.{method}", "--results-directory", folder, "--no-progress",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[InsideVariable] = "1";
        start.Environment["RAMPART_SINKHOLE_REPORT"] = report;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        // Drained as it comes: a test that prints into a full pipe would stall.
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit(); // the output events are all in
        var printed = output.ToString();
        var lines = File.Exists(report) ? File.ReadAllLines(report) : [];
        Directory.Delete(folder, recursive: true);
        // Exit code 0 with nothing reported would mean the filter matched no test, or it skipped:
        // callers check what the test needs before they come here.
        Assert.True(process.ExitCode == 0 && lines.Length > 0, $"inside unshare -n the test exited with {process.ExitCode}:\n{printed}");
        return lines;
    }
}
