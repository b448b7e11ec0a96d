using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Rampart.Core.Sinkhole;

namespace Rampart.Dns.Http;

/// <summary>
/// An HTTP hit as a spool payload, little-endian: kind, time (Unix µs), transport, source address
/// (length, 16 bytes) and port, status, flags, body length (-1: none), body SHA-256 (32 bytes), then
/// method, Host, target, User-Agent, Referer, X-Forwarded-For, case id and TLS server name, each
/// length-prefixed and cut at its limit below so a record stays under the spool's 4 KiB. The body
/// itself is never written.
/// </summary>
/// <remarks>
/// The kind is the format's version. Kind 2 (before TLS) ends after the case id; kind 3 adds the server
/// name. Both decode, so spool files written before an upgrade still ingest; only kind 3 is written.
/// </remarks>
public static class HttpHitCodec
{
    /// <summary>The kind written: an HTTP hit with its TLS server name.</summary>
    public const byte Kind = 3;

    /// <summary>An HTTP hit as written before TLS listeners existed: no server name.</summary>
    public const byte KindBeforeSni = 2;

    /// <summary>Transport byte of a plain HTTP hit (DNS uses 1 and 2).</summary>
    public const byte TransportHttp = 3;

    /// <summary>Transport byte of a hit on a TLS port.</summary>
    public const byte TransportHttps = 4;

    /// <summary>The recorded answer of a TLS connection that named a server but made no request (its handshake failed, or the client closed).</summary>
    public const string NoRequest = "tls-no-request";

    public const int MaxMethod = 16;
    public const int MaxHost = 255;
    public const int MaxTarget = 1536;
    public const int MaxUserAgent = 512;
    public const int MaxReferer = 768;
    public const int MaxForwardedFor = 255;
    public const int MaxCaseId = 255;
    public const int MaxSni = 255;

    /// <summary>Offsets of the body fields, patched in when a body arrives after its head.</summary>
    internal const int BodyLengthOffset = 32;
    internal const int BodyHashOffset = 40;
    internal const int FixedSize = 72;

    public const int MaxPayload = FixedSize + 1 + MaxMethod + 1 + MaxHost + 2 + MaxTarget + 2 + MaxUserAgent + 2 + MaxReferer + 1 + MaxForwardedFor + 1 + MaxCaseId + 1 + MaxSni;

    private const byte FlagBodyHash = 1;
    private const byte FlagCut = 2;

    internal static int Encode(Span<byte> payload, long unixMicroseconds, HttpConnection connection, int status, in HttpRequestHead head, ReadOnlySpan<byte> caseId)
    {
        var sourceAddress = connection.Source;
        payload[0] = Kind;
        BinaryPrimitives.WriteInt64LittleEndian(payload[1..], unixMicroseconds);
        payload[9] = connection.Tls ? TransportHttps : TransportHttp;
        payload[10] = (byte)sourceAddress.Length;
        payload.Slice(11, 16).Clear();
        sourceAddress.CopyTo(payload[11..]);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[27..], connection.Port);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[29..], (ushort)status);
        payload[31] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(payload[BodyLengthOffset..], head.ContentLength);
        payload.Slice(BodyHashOffset, 32).Clear();
        var position = FixedSize;
        var cut = false;
        Write8(payload, ref position, head.Method, MaxMethod, ref cut);
        Write8(payload, ref position, head.Host, MaxHost, ref cut);
        Write16(payload, ref position, head.Target, MaxTarget, ref cut);
        Write16(payload, ref position, head.UserAgent, MaxUserAgent, ref cut);
        Write16(payload, ref position, head.Referer, MaxReferer, ref cut);
        Write8(payload, ref position, head.ForwardedFor, MaxForwardedFor, ref cut);
        Write8(payload, ref position, caseId, MaxCaseId, ref cut);
        Write8(payload, ref position, connection.Sni, MaxSni, ref cut);
        if (cut)
        {
            payload[31] |= FlagCut;
        }

        return position;
    }

    /// <summary>Records a body read after its head in an encoded payload: its length and, when it was read whole, its SHA-256.</summary>
    internal static void SetBody(Span<byte> payload, long length, ReadOnlySpan<byte> sha256)
    {
        BinaryPrimitives.WriteInt64LittleEndian(payload[BodyLengthOffset..], length);
        if (!sha256.IsEmpty)
        {
            SetBodyHash(payload, sha256);
        }
    }

    /// <summary>Changes the recorded status of an encoded payload (a body that turned out bad answers 400 or 413).</summary>
    internal static void SetStatus(Span<byte> payload, int status) => BinaryPrimitives.WriteUInt16LittleEndian(payload[29..], (ushort)status);

    /// <summary>Records the body's SHA-256 in an encoded payload (its length was declared in the head).</summary>
    internal static void SetBodyHash(Span<byte> payload, ReadOnlySpan<byte> sha256)
    {
        sha256.CopyTo(payload[BodyHashOffset..]);
        payload[31] |= FlagBodyHash;
    }

    /// <summary>Reads a payload back into a hit; false when it is not an HTTP hit or is malformed.</summary>
    public static bool TryDecode(string nodeId, long sequence, ReadOnlySpan<byte> payload, out SinkholeHit? hit)
    {
        hit = null;
        if (payload.Length < FixedSize + 10 || payload[0] is not (Kind or KindBeforeSni) || payload[10] is not (4 or 16))
        {
            return false;
        }

        var time = DateTimeOffset.UnixEpoch.AddTicks(BinaryPrimitives.ReadInt64LittleEndian(payload[1..]) * 10);
        var address = new IPAddress(payload.Slice(11, payload[10]));
        var port = BinaryPrimitives.ReadUInt16LittleEndian(payload[27..]);
        var status = BinaryPrimitives.ReadUInt16LittleEndian(payload[29..]);
        var flags = payload[31];
        var bodyLength = BinaryPrimitives.ReadInt64LittleEndian(payload[BodyLengthOffset..]);
        var hash = (flags & FlagBodyHash) != 0 ? Convert.ToHexStringLower(payload.Slice(BodyHashOffset, 32)) : null;
        var position = FixedSize;
        if (!Read8(payload, ref position, out var method)
            || !Read8(payload, ref position, out var host)
            || !Read16(payload, ref position, out var target)
            || !Read16(payload, ref position, out var userAgent)
            || !Read16(payload, ref position, out var referer)
            || !Read8(payload, ref position, out var forwardedFor)
            || !Read8(payload, ref position, out var caseId))
        {
            return false;
        }

        string? sni = null;
        if (payload[0] == Kind && !Read8(payload, ref position, out sni))
        {
            return false;
        }

        hit = new SinkholeHit(
            $"{nodeId}:{sequence}", nodeId, sequence, time, payload[9] == TransportHttps ? "https" : "http", address.ToString(), port, caseId,
            HttpHost.Name(host ?? sni ?? ""), 0, status == 0 ? NoRequest : status.ToString(CultureInfo.InvariantCulture), null,
            method ?? "", host, target ?? "", userAgent, referer, forwardedFor, bodyLength >= 0 ? bodyLength : null, hash, sni);
        return true;
    }

    private static void Write8(Span<byte> payload, ref int position, ReadOnlySpan<byte> value, int max, ref bool cut)
    {
        var length = Math.Min(value.Length, max);
        cut |= length < value.Length;
        payload[position++] = (byte)length;
        value[..length].CopyTo(payload[position..]);
        position += length;
    }

    private static void Write16(Span<byte> payload, ref int position, ReadOnlySpan<byte> value, int max, ref bool cut)
    {
        var length = Math.Min(value.Length, max);
        cut |= length < value.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(payload[position..], (ushort)length);
        position += 2;
        value[..length].CopyTo(payload[position..]);
        position += length;
    }

    private static bool Read8(ReadOnlySpan<byte> payload, ref int position, out string? value) =>
        ReadText(payload, ref position, 1, out value);

    private static bool Read16(ReadOnlySpan<byte> payload, ref int position, out string? value) =>
        ReadText(payload, ref position, 2, out value);

    /// <summary>Absent (length 0) reads as null. Bytes that are not UTF-8 become U+FFFD.</summary>
    private static bool ReadText(ReadOnlySpan<byte> payload, ref int position, int prefix, out string? value)
    {
        value = null;
        if (position + prefix > payload.Length)
        {
            return false;
        }

        int length = prefix == 1 ? payload[position] : BinaryPrimitives.ReadUInt16LittleEndian(payload[position..]);
        position += prefix;
        if (position + length > payload.Length)
        {
            return false;
        }

        value = length == 0 ? null : Encoding.UTF8.GetString(payload.Slice(position, length));
        position += length;
        return true;
    }
}
