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
    /// <summary>Unsent output past which a connection's further pipelined requests wait.</summary>
    private const int OutputHighWater = 64 * 1024;

    private const int MaxEvents = 256;
    private const int WaitMilliseconds = 200;

    private readonly ConcurrentQueue<HttpConnection> _adopted = new();
    private readonly Dictionary<int, HttpConnection> _connections = [];
    private readonly List<HttpConnection> _touched = [];
    private readonly List<HttpConnection> _again = [];
    private readonly SpoolBatch _batch = new();
    private readonly HttpAnswers _answers = new(server.Options.Response);
    private readonly ChunkedLimits _chunkLimits = ChunkedLimits.From(server.Options);
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
            _answers.Refresh(now);
            var micros = (now.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
            var zones = server.Zones.Current;
            _batch.Clear();
            _touched.Clear();
            foreach (var connection in _again)
            {
                if (_connections.TryGetValue(connection.Fd, out var current) && current == connection)
                {
                    Process(connection, zones, micros);
                    _touched.Add(connection);
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
                _touched.Add(connection);
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

    /// <summary>Answers every complete request buffered on the connection, its hits into this pass's batch.</summary>
    private void Process(HttpConnection connection, SinkholeZoneSet zones, long micros)
    {
        var options = server.Options;
        var consumed = 0;
        var input = connection.Input;
        Span<byte> hash = stackalloc byte[32];
        while (!connection.CloseAfterFlush)
        {
            if (connection.BodyRemaining > 0)
            {
                var take = (int)Math.Min(connection.BodyRemaining, connection.Filled - consumed);
                connection.BodyHash!.AppendData(input, consumed, take);
                consumed += take;
                connection.BodyRemaining -= take;
                if (connection.BodyRemaining > 0)
                {
                    break;
                }

                connection.BodyHash.GetHashAndReset(hash);
                HttpHitCodec.SetBodyHash(CommitPending(connection), hash);
                Respond(connection, connection.PendingAnswer, connection.PendingClose, connection.PendingHead);
                continue;
            }

            if (connection.ChunkedBody)
            {
                if (!ContinueChunked(connection, input, ref consumed, hash))
                {
                    break;
                }

                continue;
            }

            if (connection.PendingOutput > OutputHighWater)
            {
                // Pipelined faster than it reads: the rest waits until the output drains.
                _again.Add(connection);
                break;
            }

            var status = HttpRequestParser.TryParse(input.AsSpan(consumed, connection.Filled - consumed), options.MaxRequestHeadBytes, out var head, out var error);
            if (status == HttpParseStatus.Incomplete)
            {
                break;
            }

            if (status == HttpParseStatus.Invalid)
            {
                var answer = error switch
                {
                    HttpParseError.HeadTooLarge => HttpAnswer.HeadTooLarge,
                    HttpParseError.UnsupportedVersion => HttpAnswer.VersionNotSupported,
                    _ => HttpAnswer.BadRequest,
                };
                Record(connection, micros, answer, head, default);
                Respond(connection, answer, close: true, isHead: false);
                consumed = connection.Filled;
                break;
            }

            consumed += head.Length;
            var zone = zones.FindHost(HttpHost.NamePart(head.Host));
            var chosen = zone is null ? HttpAnswer.NotSinkholed : HttpAnswer.Sinkholed;
            var close = !head.KeepAlive;
            if (head.ContentLength > options.MaxRequestBodyBytes)
            {
                chosen = HttpAnswer.BodyTooLarge;
                close = true;
            }

            var isHead = head.Method.SequenceEqual("HEAD"u8);
            var caseId = zone is null ? default : zone.CaseIdUtf8.AsSpan();
            if (head.Chunked)
            {
                // Decoded as it arrives (this pass or later ones); answered when its last chunk and trailers are in.
                Pend(connection, micros, chosen, head, caseId, close, isHead);
                connection.Decoder = default;
                connection.ChunkedBody = true;
                continue;
            }
            if (head.ContentLength <= 0 || chosen == HttpAnswer.BodyTooLarge)
            {
                Record(connection, micros, chosen, head, caseId);
                Respond(connection, chosen, close, isHead);
                continue;
            }

            var available = (int)Math.Min(head.ContentLength, connection.Filled - consumed);
            if (available == head.ContentLength)
            {
                var record = _batch.BeginRecord(HttpHitCodec.MaxPayload);
                var length = HttpHitCodec.Encode(record, micros, connection.Source, connection.Port, _answers.Status(chosen), head, caseId);
                HttpHitCodec.SetBodyHash(record, SHA256.HashData(input.AsSpan(consumed, available)));
                _batch.EndRecord(length);
                consumed += available;
                Respond(connection, chosen, close, isHead);
                continue;
            }

            // The body is still arriving: keep the hit aside, hash as it comes, answer when it is whole.
            Pend(connection, micros, chosen, head, caseId, close, isHead);
            connection.BodyRemaining = head.ContentLength;
        }

        // Keep an incomplete head for the next read.
        input.AsSpan(consumed, connection.Filled - consumed).CopyTo(input);
        connection.Filled -= consumed;
    }

    /// <summary>Keeps a request's hit aside while its body arrives, hashed as it comes.</summary>
    private void Pend(HttpConnection connection, long micros, HttpAnswer answer, in HttpRequestHead head, ReadOnlySpan<byte> caseId, bool close, bool isHead)
    {
        connection.PendingHit ??= new byte[HttpHitCodec.MaxPayload];
        connection.PendingHitLength = HttpHitCodec.Encode(connection.PendingHit, micros, connection.Source, connection.Port, _answers.Status(answer), head, caseId);
        connection.PendingAnswer = answer;
        connection.PendingClose = close;
        connection.PendingHead = isHead;
        connection.BodyHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    /// <summary>
    /// Decodes what has arrived of a chunked body, hashing its data. True when the body ended (answered, its
    /// length and hash recorded) or was refused (answered 400 or 413 and closed, the bytes decoded so far
    /// recorded without a hash); false when more must be read.
    /// </summary>
    private bool ContinueChunked(HttpConnection connection, byte[] input, ref int consumed, Span<byte> hash)
    {
        while (true)
        {
            var status = connection.Decoder.Decode(input.AsSpan(consumed, connection.Filled - consumed), _chunkLimits, out var used, out var data, out var error);
            consumed += used;
            switch (status)
            {
                case ChunkedStatus.Data:
                    connection.BodyHash!.AppendData(data);
                    continue;
                case ChunkedStatus.NeedMore:
                    return false;
                case ChunkedStatus.Complete:
                    connection.BodyHash!.GetHashAndReset(hash);
                    HttpHitCodec.SetBody(CommitPending(connection), connection.Decoder.BodyLength, hash);
                    connection.ChunkedBody = false;
                    Respond(connection, connection.PendingAnswer, connection.PendingClose, connection.PendingHead);
                    return true;
                case ChunkedStatus.Invalid:
                default:
                    connection.BodyHash!.GetHashAndReset(hash); // discarded: the body was not read whole
                    var answer = error switch
                    {
                        HttpParseError.BodyTooLarge => HttpAnswer.BodyTooLarge,
                        HttpParseError.HeadTooLarge => HttpAnswer.HeadTooLarge,
                        _ => HttpAnswer.BadRequest,
                    };
                    var record = CommitPending(connection);
                    HttpHitCodec.SetStatus(record, _answers.Status(answer));
                    HttpHitCodec.SetBody(record, connection.Decoder.BodyLength, default);
                    connection.ChunkedBody = false;
                    Respond(connection, answer, close: true, isHead: false);
                    consumed = connection.Filled;
                    return true;
            }
        }
    }

    /// <summary>Copies the pending hit into this pass's batch; the span is the record's payload, still patchable until the commit.</summary>
    private Span<byte> CommitPending(HttpConnection connection)
    {
        var pending = connection.PendingHit.AsSpan(0, connection.PendingHitLength);
        var record = _batch.BeginRecord(pending.Length);
        pending.CopyTo(record);
        _batch.EndRecord(pending.Length);
        return record;
    }

    private void Record(HttpConnection connection, long micros, HttpAnswer answer, in HttpRequestHead head, ReadOnlySpan<byte> caseId)
    {
        var record = _batch.BeginRecord(HttpHitCodec.MaxPayload);
        _batch.EndRecord(HttpHitCodec.Encode(record, micros, connection.Source, connection.Port, _answers.Status(answer), head, caseId));
    }

    private void Respond(HttpConnection connection, HttpAnswer answer, bool close, bool isHead)
    {
        connection.Append(_answers.Get(answer, close, isHead));
        connection.CloseAfterFlush |= close;
    }

    /// <summary>Commits the pass's hits, then sends what they answer. A spool that refuses the write answers nothing.</summary>
    private void Answer()
    {
        if (_batch.Count > 0)
        {
            try
            {
                server.Spool.Commit(_batch);
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

            Interlocked.Add(ref _answered, _batch.Count);
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
