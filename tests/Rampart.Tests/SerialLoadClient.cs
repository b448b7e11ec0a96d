using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rampart.Tests;

/// <summary>
/// A sinkhole load client of our own: DNS over UDP and HTTP over several kept-alive connections, each
/// at a fixed rate, so a fault happens under a known load and the hits a test must find in the store
/// afterwards stay in proportion to its length. Every query name ("d{serial}.{zone}") and every URL
/// path ("/h{serial}") carries a serial sent once; the serials that got an answer are logged, so a
/// test can compare what clients were told with what the store holds.
/// </summary>
internal sealed class SerialLoadClient : IAsyncDisposable
{
    private static readonly TimeSpan DnsTimeout = TimeSpan.FromSeconds(3);

    private readonly string _zone;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, long> _dnsOutstanding = new();

    // Past the timeout a query counts as unanswered, unless its answer still comes.
    private readonly ConcurrentDictionary<int, bool> _dnsLate = new();
    private readonly Socket _udp;
    private readonly List<Task> _running = [];
    private readonly int _httpPerSecond;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _dnsSerial;
    private int _httpSerial;
    private int _httpScheduled;
    private int _httpUnanswered;
    private long _dnsSkipped;

    /// <summary>
    /// How far the DNS sender may fall behind its schedule (a stall of the test process) before
    /// it gives up those queries instead of sending them at once: 50 ms at 20k qps is 1,000 queries,
    /// well inside the server's 4 MiB socket buffer, so a stall shows as a lower achieved rate, not as
    /// a burst the kernel drops.
    /// </summary>
    private static readonly TimeSpan PacedBacklog = TimeSpan.FromMilliseconds(50);

    /// <param name="dnsPerSecond">Queries a second, whatever the answers do (open loop).</param>
    /// <param name="httpPerSecond">Requests a second over all connections; each connection waits for its answer
    /// before its next request, so a slow server gets them late rather than all at once.</param>
    public SerialLoadClient(IPEndPoint dns, IPEndPoint http, string zone, int dnsPerSecond, int httpPerSecond, int httpConnections = 8)
    {
        _zone = zone;
        _httpPerSecond = httpPerSecond;
        _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 * 1024 * 1024 };
        _udp.Connect(dns);
        _running.Add(SendDnsAsync(dnsPerSecond));
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

    /// <summary>Time since the load started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Queries the schedule wanted that were never sent, because the sender fell more than <see cref="PacedBacklog"/> behind.</summary>
    public long DnsSkipped => Interlocked.Read(ref _dnsSkipped);

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
    }

    /// <summary>
    /// On a thread of its own: each millisecond or so it sends, in one burst, the queries due
    /// by then (rate × time since the start), so the rate holds to a query whatever the timer's
    /// granularity. Sends are synchronous: a send to a loopback UDP socket does not block, and a thread
    /// pool thread could be late by more than the backlog under load.
    /// </summary>
    private Task SendDnsAsync(int perSecond)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var backlog = (long)(PacedBacklog.TotalSeconds * perSecond);
                var buffer = new byte[512];
                long scheduled = 0;
                while (!_stop.IsCancellationRequested)
                {
                    var due = (long)(Stopwatch.GetElapsedTime(_started).TotalSeconds * perSecond);
                    if (due - scheduled > backlog)
                    {
                        Interlocked.Add(ref _dnsSkipped, due - scheduled - backlog);
                        scheduled = due - backlog;
                    }

                    for (; scheduled < due; scheduled++)
                    {
                        var serial = Interlocked.Increment(ref _dnsSerial);
                        _dnsOutstanding[serial] = Stopwatch.GetTimestamp();
                        try
                        {
                            _udp.Send(buffer.AsSpan(0, WriteQuery(serial, buffer)));
                        }
                        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
                        {
                            // The node is down (an ICMP port unreachable came back): this query never
                            // reached it; it stays outstanding and times out as unanswered.
                        }
                    }

                    Thread.Sleep(1);
                }

                done.SetResult();
            }
            catch (ObjectDisposedException)
            {
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        { IsBackground = true, Name = "paced DNS load" };
        thread.Start();
        return done.Task;
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
                if (!_dnsOutstanding.TryRemove(serial, out _))
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
                // The n-th request of all connections is due n / rate seconds after the start.
                var due = TimeSpan.FromSeconds((double)Interlocked.Increment(ref _httpScheduled) / _httpPerSecond) - Elapsed;
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    try
                    {
                        await Task.Delay(due, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

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

    /// <summary>The query for "d{serial}.{zone}" A, written into <paramref name="buffer"/>; its length.</summary>
    private int WriteQuery(int serial, byte[] buffer)
    {
        ReadOnlySpan<byte> header = [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        header.CopyTo(buffer);
        buffer[0] = (byte)(serial >> 8);
        buffer[1] = (byte)serial;
        var length = header.Length;
        foreach (var label in DnsName(serial).Split('.'))
        {
            buffer[length++] = (byte)label.Length;
            length += Encoding.ASCII.GetBytes(label, buffer.AsSpan(length));
        }

        ReadOnlySpan<byte> tail = [0, 0, 1, 0, 1];
        tail.CopyTo(buffer.AsSpan(length));
        return length + tail.Length;
    }
}
