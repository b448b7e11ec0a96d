using System.Diagnostics;
using System.Globalization;

namespace Rampart.Tests;

/// <summary>
/// A PostgreSQL cluster of the test's own — initdb into a scratch folder, pg_ctl on 127.0.0.1 — for a
/// test that stops its store. Meant for inside <see cref="LoopbackNamespace"/>: there the fixed port
/// cannot meet another server, and nothing but the test reaches it (hence trust logins). The Unix
/// socket lives in the cluster's folder, away from the host cluster's in /var/run/postgresql, which
/// the namespace still sees.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private const int Port = 15432;
    private readonly string _folder;
    private readonly string _bin;

    private PrivatePostgres(string folder, string bin)
    {
        _folder = folder;
        _bin = bin;
    }

    /// <summary>The newest installed server's programs (Debian: /usr/lib/postgresql/N/bin), or null.</summary>
    public static string? Bin { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault()
        : null;

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    /// <summary>Creates the cluster in <paramref name="folder"/> (owned by the postgres user: initdb refuses root) and starts it.</summary>
    public static async Task<PrivatePostgres> StartAsync(string folder, CancellationToken cancellationToken)
    {
        var bin = Bin ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install the packages in .ci/apt/storage.txt)");
        Directory.CreateDirectory(folder);
        await RunAsync(["chown", "postgres:postgres", folder], cancellationToken);
        var cluster = new PrivatePostgres(folder, bin);
        await cluster.AsPostgresAsync(["initdb", "-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken);
        // fsync off: a kill of the server (what the test does) loses nothing the kernel holds; only a
        // power loss would, and it spares the shared machine's disk.
        await File.AppendAllTextAsync(Path.Combine(cluster.DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{folder}'
            fsync = off
            """, cancellationToken);
        await cluster.StartAgainAsync(cancellationToken);
        return cluster;
    }

    private string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>
    /// Stops the server as a crash would (<c>pg_ctl stop -m immediate</c>: every server process is
    /// killed, connections drop, no checkpoint; the next start recovers from the WAL).
    /// </summary>
    public Task StopImmediatelyAsync(CancellationToken cancellationToken) =>
        AsPostgresAsync(["pg_ctl", "stop", "-D", DataDirectory, "-m", "immediate", "-w"], cancellationToken);

    public Task StartAgainAsync(CancellationToken cancellationToken) =>
        AsPostgresAsync(["pg_ctl", "start", "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120"], cancellationToken);

    /// <summary>Stops the server and removes its folder; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(_folder))
        {
            return;
        }

        try
        {
            await StopImmediatelyAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One of the server's programs (the first word of <paramref name="command"/>) as the postgres user.</summary>
    private Task AsPostgresAsync(string[] command, CancellationToken cancellationToken) =>
        RunAsync(["runuser", "-u", "postgres", "--", Path.Combine(_bin, command[0]), .. command[1..]], cancellationToken);

    private static async Task RunAsync(string[] command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
