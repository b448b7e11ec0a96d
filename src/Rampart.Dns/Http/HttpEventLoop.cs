using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Http;

/// <summary>
/// One event loop thread with its own epoll set. A pass: wait for ready connections, read each,
/// answer every complete request into the connection's output and its hit into one spool batch,
/// commit the batch (one write), then send. A request whose body is still arriving is answered in
/// the pass that completes it.
/// </summary>
internal sealed class HttpEventLoop(HttpSinkholeServer server, int index)
{
    private const int MaxEvents = 256;
    private const int WaitMilliseconds = 200;

    private readonly ConcurrentQueue<HttpConnection> _adopted = new();
    private readonly Dictionary<int, HttpConnection> _connections = [];
    private readonly List<HttpConnection> _touched = [];
    private readonly List<HttpConnection> _again = [];
    private readonly HttpRequestProcessor _processor = new(server.Options);
    private readonly byte[] _events = new byte[MaxEvents * Epoll.EventSize];
    private readonly int _epoll = Epoll.Create();
    private Thread? _thread;
    private long _answered;
    private long _lastSweep;

    public long Answered => Interlocked.Read(ref _answered);

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = $"http-loop-{index}" };
        _thread.Start();
    }

    public void Stop()
    {
        _thread?.Join(TimeSpan.FromSeconds(5));
        foreach (var connection in _connections.Values.ToList())
        {
            Close(connection);
        }

        while (_adopted.TryDequeue(out var connection))
        {
            connection.Socket.Dispose();
            connection.Release();
            server.Closed();
        }

        Epoll.Close(_epoll);
    }

    /// <summary>Called by the accept thread: queued first, then registered, so a ready event always finds it queued.</summary>
    public void Adopt(HttpConnection connection)
    {
        connection.LastActive = Environment.TickCount64;
        _adopted.Enqueue(connection);
        Epoll.Control(_epoll, Epoll.Add, connection.Fd, Epoll.In | Epoll.ReadHangup);
    }

    private void Run()
    {
        while (!server.Stopping)
        {
            int count;
            try
            {
                count = Epoll.Wait(_epoll, _events, _again.Count > 0 ? 0 : WaitMilliseconds);
            }
            catch (IOException ex)
            {
                Log.LoopFailed(server.Logger, ex);
                return;
            }

            while (_adopted.TryDequeue(out var adopted))
            {
                _connections[adopted.Fd] = adopted;
            }

            var now = server.Time.GetUtcNow();
            _processor.Answers.Refresh(now);
            var micros = (now.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
            var zones = server.Zones.Current;
            _processor.Batch.Clear();
            _touched.Clear();
            foreach (var connection in _again)
            {
                if (_connections.TryGetValue(connection.Fd, out var current) && current == connection)
                {
                    Process(connection, zones, micros);
                }
            }

            _again.Clear();
            for (var i = 0; i < count; i++)
            {
                var (events, fd) = Epoll.Event(_events, i);
                if (!_connections.TryGetValue(fd, out var connection))
                {
                    continue; // closed earlier in this pass
                }

                if ((events & Epoll.Out) != 0 && !Flush(connection))
                {
                    continue;
                }

                if (connection.WaitingForWritable)
                {
                    continue;
                }

                if (!Receive(connection))
                {
                    Close(connection);
                    continue;
                }

                Process(connection, zones, micros);
            }

            Answer();
            Sweep();
        }
    }

    /// <summary>Reads what arrived; false when the peer closed or the connection failed.</summary>
    private static bool Receive(HttpConnection connection)
    {
        var room = connection.Input.AsSpan(connection.Filled);
        if (room.IsEmpty)
        {
            return true;
        }

        var read = connection.Socket.Receive(room, SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock)
        {
            return true;
        }

        if (error != SocketError.Success || read == 0)
        {
            return false;
        }

        connection.Filled += read;
        connection.LastActive = Environment.TickCount64;
        return true;
    }

    /// <summary>Answers what the connection has buffered into this pass; pipelined requests past the output's high water wait for the next pass.</summary>
    private void Process(HttpConnection connection, SinkholeZoneSet zones, long micros)
    {
        if (_processor.Process(connection, zones, micros))
        {
            _again.Add(connection);
        }

        _touched.Add(connection);
    }

    /// <summary>Commits the pass's hits, then sends what they answer. A spool that refuses the write answers nothing.</summary>
    private void Answer()
    {
        if (_processor.Batch.Count > 0)
        {
            try
            {
                server.Spool.Commit(_processor.Batch);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // Nothing of this pass was recorded, so none of it may be answered: drop those
                // connections (the clients retry).
                Log.SpoolFailed(server.Logger, ex);
                foreach (var connection in _touched)
                {
                    Close(connection);
                }

                return;
            }

            Interlocked.Add(ref _answered, _processor.Batch.Count);
        }

        foreach (var connection in _touched)
        {
            if (_connections.TryGetValue(connection.Fd, out var current) && current == connection)
            {
                Flush(connection);
            }
        }
    }

    /// <summary>Sends queued output; false when the connection was closed (failed, or done after its last answer).</summary>
    private bool Flush(HttpConnection connection)
    {
        while (connection.PendingOutput > 0)
        {
            var sent = connection.Socket.Send(connection.Output.AsSpan(connection.OutputStart, connection.PendingOutput), SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                if (!connection.WaitingForWritable)
                {
                    connection.WaitingForWritable = true;
                    Epoll.Control(_epoll, Epoll.Modify, connection.Fd, Epoll.Out | Epoll.ReadHangup);
                }

                return true;
            }

            if (error != SocketError.Success)
            {
                Close(connection);
                return false;
            }

            connection.OutputStart += sent;
        }

        connection.OutputStart = 0;
        connection.OutputEnd = 0;
        if (connection.CloseAfterFlush)
        {
            Close(connection);
            return false;
        }

        if (connection.WaitingForWritable)
        {
            connection.WaitingForWritable = false;
            Epoll.Control(_epoll, Epoll.Modify, connection.Fd, Epoll.In | Epoll.ReadHangup);
            if (connection.Filled > 0)
            {
                _again.Add(connection);
            }
        }

        return true;
    }

    private void Close(HttpConnection connection)
    {
        // Out of the table before the descriptor is freed: the accept thread may get its number next.
        if (!_connections.Remove(connection.Fd))
        {
            return;
        }

        try
        {
            connection.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        connection.Socket.Dispose();
        connection.Release();
        server.Closed();
    }

    /// <summary>Once a second: close connections idle past the timeout (a slowly sent head included).</summary>
    private void Sweep()
    {
        var now = Environment.TickCount64;
        if (now - _lastSweep < 1000)
        {
            return;
        }

        _lastSweep = now;
        var limit = (long)server.Options.IdleTimeout.TotalMilliseconds;
        List<HttpConnection>? idle = null;
        foreach (var connection in _connections.Values)
        {
            if (now - connection.LastActive > limit)
            {
                (idle ??= []).Add(connection);
            }
        }

        foreach (var connection in idle ?? [])
        {
            Close(connection);
        }
    }
}
