using System.Diagnostics;

namespace Rampart.Tests;

/// <summary>A <c>rampart serve</c> process on a free loopback port, the address read from what it prints.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;

    private ServeProcess(Process process, Task<string> stdout, Uri address)
    {
        _process = process;
        _stdout = stdout;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServeProcess> StartAsync(string dataFolder, string adminPassword, string? database = null)
    {
        var info = database is null
            ? RampartCli.StartInfo(dataFolder, "serve", "--urls", "http://127.0.0.1:0")
            : RampartCli.StartInfo(dataFolder, "--database", database, "serve", "--urls", "http://127.0.0.1:0");
        info.Environment["RAMPART_ADMIN_PASSWORD"] = adminPassword;
        var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new System.Text.StringBuilder();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                const string Listening = "Rampart listening on ";
                if (line.StartsWith(Listening, StringComparison.Ordinal))
                {
                    return new ServeProcess(process, process.StandardOutput.ReadToEndAsync(), new Uri(line[Listening.Length..]));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        throw new InvalidOperationException($"serve did not start (exit code {process.ExitCode}): {seen}{await stderr}");
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _stdout;
        _process.Dispose();
    }
}
