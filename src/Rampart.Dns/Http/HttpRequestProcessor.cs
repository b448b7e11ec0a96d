using System.Security.Cryptography;
using Rampart.Dns.Sinkhole;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Http;

/// <summary>
/// Requests in, answers and hits out, for one connection at a time: heads parsed, bodies (declared or
/// chunked) hashed as they arrive, each answer appended to the connection's output and its hit to
/// <see cref="Batch"/>, which the caller writes to the spool before it sends anything. The epoll loops
/// and the TLS listeners share it, so plain and TLS requests are answered and recorded alike.
/// Not thread-safe: each loop or TLS connection owns one.
/// </summary>
internal sealed class HttpRequestProcessor(HttpSinkholeOptions options)
{
    /// <summary>Unsent output past which a connection's further pipelined requests wait.</summary>
    private const int OutputHighWater = 64 * 1024;

    private readonly HttpSinkholeOptions _options = options;
    private readonly ChunkedLimits _chunkLimits = ChunkedLimits.From(options);

    /// <summary>The hits of what was processed since the caller last cleared it.</summary>
    public SpoolBatch Batch { get; } = new();

    public HttpAnswers Answers { get; } = new(options.Response);

    /// <summary>
    /// Answers every complete request buffered on the connection into its output, its hits into <see cref="Batch"/>.
    /// True when pipelined requests wait because the unsent output passed its high water: send, then call again.
    /// </summary>
    public bool Process(HttpConnection connection, SinkholeZoneSet zones, long micros)
    {
        var blocked = false;
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
                blocked = true;
                break;
            }

            var status = HttpRequestParser.TryParse(input.AsSpan(consumed, connection.Filled - consumed), _options.MaxRequestHeadBytes, out var head, out var error);
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
            // A request without Host (HTTP/1.0) is filed under the TLS server name it came with, if any.
            var zone = zones.FindHost(head.Host.IsEmpty && connection.Sni is { } sni ? sni : HttpHost.NamePart(head.Host));
            var chosen = zone is null ? HttpAnswer.NotSinkholed : HttpAnswer.Sinkholed;
            var close = !head.KeepAlive;
            if (head.ContentLength > _options.MaxRequestBodyBytes)
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
                var record = Batch.BeginRecord(HttpHitCodec.MaxPayload);
                var length = HttpHitCodec.Encode(record, micros, connection, Answers.Status(chosen), head, caseId);
                HttpHitCodec.SetBodyHash(record, SHA256.HashData(input.AsSpan(consumed, available)));
                Batch.EndRecord(length);
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
        return blocked;
    }

    /// <summary>Keeps a request's hit aside while its body arrives, hashed as it comes.</summary>
    private void Pend(HttpConnection connection, long micros, HttpAnswer answer, in HttpRequestHead head, ReadOnlySpan<byte> caseId, bool close, bool isHead)
    {
        connection.PendingHit ??= new byte[HttpHitCodec.MaxPayload];
        connection.PendingHitLength = HttpHitCodec.Encode(connection.PendingHit, micros, connection, Answers.Status(answer), head, caseId);
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
                    HttpHitCodec.SetStatus(record, Answers.Status(answer));
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
        var record = Batch.BeginRecord(pending.Length);
        pending.CopyTo(record);
        Batch.EndRecord(pending.Length);
        return record;
    }

    private void Record(HttpConnection connection, long micros, HttpAnswer answer, in HttpRequestHead head, ReadOnlySpan<byte> caseId)
    {
        var record = Batch.BeginRecord(HttpHitCodec.MaxPayload);
        Batch.EndRecord(HttpHitCodec.Encode(record, micros, connection, Answers.Status(answer), head, caseId));
    }

    private void Respond(HttpConnection connection, HttpAnswer answer, bool close, bool isHead)
    {
        connection.Append(Answers.Get(answer, close, isHead));
        connection.CloseAfterFlush |= close;
    }

    /// <summary>
    /// Records a TLS connection that named a server (<see cref="HttpConnection.Sni"/>) but made no request: status 0
    /// (read back as <see cref="HttpHitCodec.NoRequest"/>), filed under the name's case.
    /// </summary>
    public void RecordNameOnly(HttpConnection connection, SinkholeZoneSet zones, long micros)
    {
        var head = default(HttpRequestHead);
        head.ContentLength = -1;
        var zone = connection.Sni is { } sni ? zones.FindHost(HttpHost.NamePart(sni)) : null;
        var record = Batch.BeginRecord(HttpHitCodec.MaxPayload);
        Batch.EndRecord(HttpHitCodec.Encode(record, micros, connection, 0, head, zone is null ? default : zone.CaseIdUtf8.AsSpan()));
    }
}
