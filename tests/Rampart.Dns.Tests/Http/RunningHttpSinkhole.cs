using System.Net.Sockets;
using System.Text;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Http;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;
using Rampart.Dns.Tests.Sinkhole;

namespace Rampart.Dns.Tests.Http;

/// <summary>A real HTTP sinkhole on 127.0.0.1, port 0, with its spool in a scratch folder, and a raw client.</summary>
internal sealed class RunningHttpSinkhole : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    public RunningHttpSinkhole(HttpSinkholeOptions? options = null)
    {
        Spool = HitSpool.Open(new SpoolOptions { Directory = Path.Combine(_folder.Path, "spool"), NodeId = "test-node" });
        Server = new HttpSinkholeServer((options ?? new HttpSinkholeOptions()) with { Port = 0, Loops = 2 }, new StaticZoneSource(TestZones.Create()), Spool);
        Server.Start();
    }

    public HttpSinkholeServer Server { get; }

    /// <summary>The first TLS port (when the options asked for one).</summary>
    public int TlsPort => Server.TlsEndPoints[0].Port;

    public HitSpool Spool { get; }

    public async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(Server.EndPoint);
        return socket;
    }

    /// <summary>The hits in the spool, decoded as the ingester does, oldest first.</summary>
    public List<SinkholeHit> Hits()
    {
        var entries = new List<SpoolEntry>();
        foreach (var (_, path) in SpoolFormat.Segments(Spool.Directory))
        {
            SpoolReader.Read(path, 0, int.MaxValue, entries);
        }

        return entries.Select(e => HitPayload.TryDecode(Spool.NodeId, e.Sequence, e.Payload, out var hit) ? hit! : throw new InvalidDataException($"record {e.Sequence} does not decode")).ToList();
    }

    /// <summary>All spool bytes, to check what must never be in them.</summary>
    public byte[] SpoolBytes() => SpoolFormat.Segments(Spool.Directory).SelectMany(s => File.ReadAllBytes(s.Path)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Spool.Dispose();
        _folder.Dispose();
    }

    /// <summary>Runs a client tool (curl, openssl) with <paramref name="input"/> on its standard input; what it printed and its exit code.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string input, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public static Task SendAsync(Socket socket, string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads one response (head, then Content-Length bytes of body); null when the server closed first.</summary>
    public static async Task<HttpResponseText?> ReadResponseAsync(Socket socket, ResponseBuffer buffer, bool head = false)
    {
        while (true)
        {
            var text = Encoding.Latin1.GetString(buffer.Data.AsSpan(0, buffer.Filled));
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var lines = text[..end].Split("\r\n");
                var headers = lines.Skip(1).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
                var length = head || !headers.TryGetValue("Content-Length", out var value) ? 0 : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                if (buffer.Filled >= end + 4 + length)
                {
                    var body = text.Substring(end + 4, length);
                    buffer.Consume(end + 4 + length);
                    return new HttpResponseText(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
                }
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var read = await socket.ReceiveAsync(buffer.Data.AsMemory(buffer.Filled), SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.Filled += read;
        }
    }
}

internal sealed record HttpResponseText(int Status, Dictionary<string, string> Headers, string Body);

internal sealed class ResponseBuffer
{
    public byte[] Data { get; } = new byte[256 * 1024];

    public int Filled { get; set; }

    public void Consume(int count)
    {
        Data.AsSpan(count, Filled - count).CopyTo(Data);
        Filled -= count;
    }
}
