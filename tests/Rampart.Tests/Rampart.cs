using System.Diagnostics;
using System.Text;

namespace Rampart.Tests;

/// <summary>Runs the real <c>rampart</c> executable (built next to the tests) as a separate process.</summary>
public static class RampartCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "rampart.dll");

    public static ProcessStartInfo StartInfo(string dataFolder, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(dataFolder);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("RAMPART_DATABASE");
        info.Environment.Remove("RAMPART_SERVER");
        info.Environment.Remove("RAMPART_API_KEY");
        return info;
    }

    public static async Task<Result> RunAsync(string dataFolder, params string[] args) =>
        await RunAsync(StartInfo(dataFolder, args), stdin: null);

    public static async Task<Result> RunAsync(ProcessStartInfo info, string? stdin)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static string NewDataFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rampart-e2e-" + Guid.NewGuid().ToString("N"))).FullName;

    public static string WriteFile(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
