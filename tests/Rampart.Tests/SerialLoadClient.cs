using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rampart.Tests;

/// <summary>
/// A sinkhole load client of our own: DNS over UDP with a window of outstanding queries, and HTTP
/// over several kept-alive connections. Every query name ("d{serial}.{zone}") and every URL path
/// ("/h{serial}") carries a serial sent once; the serials that got an answer are logged, so a test
/// can compare what clients were told with what the store holds.
/// </summary>
internal sealed class SerialLoadClient : IAsyncDisposable
{
    /// <summary>Queries in flight at most: enough to keep the server busy, few enough that loopback buffers never overflow.</summary>
    private const int DnsWindow = 128;

    private static readonly TimeSpan DnsTimeout = TimeSpan.FromSeconds(3);

    private readonly string _zone;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, long> _dnsOutstanding = new();

    // Past the timeout a query leaves the window (the load goes on) but an answer that still comes counts.
    private readonly ConcurrentDictionary<int, bool> _dnsLate = new();
    private readonly SemaphoreSlim _window = new(DnsWindow);
    private readonly Socket _udp;
    private readonly List<Task> _running = [];
    private int _dnsSerial;
    private int _httpSerial;
    private int _httpUnanswered;

    public SerialLoadClient(IPEndPoint dns, IPEndPoint http, string zone, int httpConnections = 8)
    {
        _zone = zone;
        _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 * 1024 * 1024 };
        _udp.Connect(dns);
        _running.Add(Task.Run(SendDnsAsync));
        _running.Add(Task.Run(ReceiveDnsAsync));
        _running.Add(Task.Run(ExpireDnsAsync));
        for (var i = 0; i < httpConnections; i++)
        {
            _running.Add(Task.Run(() => RunHttpAsync(http)));
        }
    }

    public ConcurrentDictionary<int, DateTimeOffset> DnsAnswered { get; } = new();

    public ConcurrentDictionary<int, DateTimeOffset> HttpAnswered { get; } = new();

    public int DnsSent => Volatile.Read(ref _dnsSerial);

    public int HttpSent => Volatile.Read(ref _httpSerial);

    /// <summary>Queries that got no answer within the timeout, and requests whose connection failed before the answer.</summary>
    public (int Dns, int Http) Unanswered => (_dnsLate.Count, Volatile.Read(ref _httpUnanswered));

    public string DnsName(int serial) => $"d{serial}.{_zone}";

    public static string HttpPath(int serial) => $"/h{serial}";

    /// <summary>Stops sending and waits for what is in flight (answered, or timed out) to settle.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        var clock = Stopwatch.StartNew();
        while (!_dnsOutstanding.IsEmpty && clock.Elapsed < DnsTimeout + TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50);
        }

        _udp.Dispose();
        await Task.WhenAll(_running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        _udp.Dispose();
        await Task.WhenAll(_running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
        _window.Dispose();
    }

    private async Task SendDnsAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await _window.WaitAsync(_stop.Token);
                var serial = Interlocked.Increment(ref _dnsSerial);
                _dnsOutstanding[serial] = Stopwatch.GetTimestamp();
                try
                {
                    // Not cancelled by the stop: a send refused for an already-cancelled token never
                    // left, and counting its serial as unanswered failed the outage test once.
                    await _udp.SendAsync(Query(serial), CancellationToken.None);
                }
                catch
                {
                    _dnsOutstanding.TryRemove(serial, out _);
                    throw;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ReceiveDnsAsync()
    {
        var buffer = new byte[1500];
        while (true)
        {
            int length;
            try
            {
                length = await _udp.ReceiveAsync(buffer);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
            {
                continue; // the node is down (ICMP port unreachable) until it restarts
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }

            // An answer (QR=1, NOERROR) to "d<serial>.…": the serial is the first label.
            if (length > 14 && (buffer[2] & 0x80) != 0 && (buffer[3] & 0x0F) == 0 && buffer[13] == 'd'
                && int.TryParse(buffer.AsSpan(14, buffer[12] - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
                && DnsAnswered.TryAdd(serial, DateTimeOffset.UtcNow))
            {
                if (_dnsOutstanding.TryRemove(serial, out _))
                {
                    _window.Release();
                }
                else
                {
                    _dnsLate.TryRemove(serial, out _);
                }
            }
        }
    }

    private async Task ExpireDnsAsync()
    {
        var timeout = (long)(DnsTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await Task.Delay(200, _stop.IsCancellationRequested ? CancellationToken.None : _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            var now = Stopwatch.GetTimestamp();
            foreach (var (serial, sentAt) in _dnsOutstanding)
            {
                if (now - sentAt > timeout && _dnsOutstanding.TryRemove(serial, out _))
                {
                    _dnsLate[serial] = true;
                    if (DnsAnswered.ContainsKey(serial))
                    {
                        _dnsLate.TryRemove(serial, out _);
                    }

                    _window.Release();
                }
            }

            if (_stop.IsCancellationRequested && _dnsOutstanding.IsEmpty)
            {
                return;
            }
        }
    }

    private async Task RunHttpAsync(IPEndPoint endPoint)
    {
        var buffer = new byte[64 * 1024];
        while (!_stop.IsCancellationRequested)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endPoint, _stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                await Task.Delay(100);
                continue;
            }

            var filled = 0;
            while (!_stop.IsCancellationRequested)
            {
                var serial = Interlocked.Increment(ref _httpSerial);
                try
                {
                    await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {HttpPath(serial)}?q=1 HTTP/1.1\r\nHost: www.{_zone}\r\nUser-Agent: serial-load\r\n\r\n"));
                    (var complete, filled) = await ReadResponseAsync(socket, buffer, filled);
                    if (!complete)
                    {
                        Interlocked.Increment(ref _httpUnanswered);
                        break;
                    }

                    HttpAnswered.TryAdd(serial, DateTimeOffset.UtcNow);
                }
                catch (SocketException)
                {
                    Interlocked.Increment(ref _httpUnanswered);
                    break;
                }
            }
        }
    }

    /// <summary>Reads one whole 200 response; false when the connection ended first.</summary>
    private static async Task<(bool Complete, int Filled)> ReadResponseAsync(Socket socket, byte[] buffer, int filled)
    {
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, 0, end);
                var lengthAt = head.IndexOf("Content-Length: ", StringComparison.OrdinalIgnoreCase);
                var length = lengthAt < 0 ? 0 : int.Parse(head.AsSpan(lengthAt + 16).ToString().Split('\r')[0], CultureInfo.InvariantCulture);
                var total = end + 4 + length;
                if (filled >= total)
                {
                    buffer.AsSpan(total, filled - total).CopyTo(buffer);
                    return (head.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal), filled - total);
                }
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
            if (read == 0)
            {
                return (false, filled);
            }

            filled += read;
        }
    }

    private byte[] Query(int serial)
    {
        var bytes = new List<byte> { (byte)(serial >> 8), (byte)serial, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in DnsName(serial).Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, 0, 1, 0, 1]);
        return [.. bytes];
    }
}
