using System.Buffers;
using System.Text;

namespace Rampart.Dns.Http;

/// <summary>
/// Reads an HTTP/1.x request head (RFC 9112) from bytes, allocation-free: the request line, then
/// header lines up to the blank line. Strict where laxness lets requests be smuggled (bare CR or
/// LF, whitespace before a colon, Content-Length with Transfer-Encoding) and never throws.
/// </summary>
internal static class HttpRequestParser
{
    private static readonly SearchValues<byte> Token = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>
    /// Parses the head at the start of <paramref name="input"/>; <paramref name="maxHeadBytes"/> bounds
    /// a head that has not ended yet.
    /// </summary>
    public static HttpParseStatus TryParse(ReadOnlySpan<byte> input, int maxHeadBytes, out HttpRequestHead head, out HttpParseError error)
    {
        head = default;
        head.ContentLength = -1;
        error = HttpParseError.None;
        var end = input.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (input.Length >= maxHeadBytes)
            {
                error = HttpParseError.HeadTooLarge;
                return HttpParseStatus.Invalid;
            }

            return HttpParseStatus.Incomplete;
        }

        if (end + 4 > maxHeadBytes)
        {
            error = HttpParseError.HeadTooLarge;
            return HttpParseStatus.Invalid;
        }

        head.Length = end + 4;
        var lines = input[..(end + 2)];
        var lineEnd = lines.IndexOf("\r\n"u8);
        error = ParseRequestLine(lines[..lineEnd], ref head);
        if (error != HttpParseError.None)
        {
            return HttpParseStatus.Invalid;
        }

        lines = lines[(lineEnd + 2)..];
        while (!lines.IsEmpty)
        {
            lineEnd = lines.IndexOf("\r\n"u8);
            error = ParseHeader(lines[..lineEnd], ref head);
            if (error != HttpParseError.None)
            {
                return HttpParseStatus.Invalid;
            }

            lines = lines[(lineEnd + 2)..];
        }

        if (head.HasTransferEncoding && head.ContentLength >= 0)
        {
            error = HttpParseError.LengthAndTransferEncoding;
            return HttpParseStatus.Invalid;
        }

        if (head.HasTransferEncoding && (!head.Chunked || !head.Http11))
        {
            error = HttpParseError.BadTransferEncoding;
            return HttpParseStatus.Invalid;
        }

        return HttpParseStatus.Complete;
    }

    private static HttpParseError ParseRequestLine(ReadOnlySpan<byte> line, ref HttpRequestHead head)
    {
        if (line.ContainsAny((byte)'\r', (byte)'\n'))
        {
            return HttpParseError.BadRequestLine;
        }

        var space = line.IndexOf((byte)' ');
        if (space <= 0 || line[..space].IndexOfAnyExcept(Token) >= 0)
        {
            return HttpParseError.BadRequestLine;
        }

        head.Method = line[..space];
        var rest = line[(space + 1)..];
        space = rest.LastIndexOf((byte)' ');
        if (space <= 0)
        {
            return HttpParseError.BadRequestLine;
        }

        head.Target = rest[..space];
        if (head.Target.ContainsAny((byte)' ', (byte)0))
        {
            return HttpParseError.BadRequestLine;
        }

        var version = rest[(space + 1)..];
        if (version.SequenceEqual("HTTP/1.1"u8))
        {
            head.Http11 = true;
        }
        else if (!version.SequenceEqual("HTTP/1.0"u8))
        {
            return version.StartsWith("HTTP/"u8) ? HttpParseError.UnsupportedVersion : HttpParseError.BadRequestLine;
        }

        return HttpParseError.None;
    }

    private static HttpParseError ParseHeader(ReadOnlySpan<byte> line, ref HttpRequestHead head)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || line[..colon].IndexOfAnyExcept(Token) >= 0 || line.ContainsAny((byte)'\r', (byte)'\n'))
        {
            return HttpParseError.BadHeader;
        }

        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        switch (name.Length)
        {
            case 4 when Ascii.EqualsIgnoreCase(name, "Host"u8):
                head.Host = value;
                break;
            case 7 when Ascii.EqualsIgnoreCase(name, "Referer"u8):
                head.Referer = value;
                break;
            case 10 when Ascii.EqualsIgnoreCase(name, "User-Agent"u8):
                head.UserAgent = value;
                break;
            case 10 when Ascii.EqualsIgnoreCase(name, "Connection"u8):
                // A comma-separated list of options; only close and keep-alive matter here.
                foreach (var range in value.Split((byte)','))
                {
                    var option = value[range].Trim(" \t"u8);
                    head.ConnectionClose |= Ascii.EqualsIgnoreCase(option, "close"u8);
                    head.ConnectionKeepAlive |= Ascii.EqualsIgnoreCase(option, "keep-alive"u8);
                }

                break;
            case 14 when Ascii.EqualsIgnoreCase(name, "Content-Length"u8):
                if (!TryParseLength(value, out var length) || (head.ContentLength >= 0 && head.ContentLength != length))
                {
                    return HttpParseError.BadContentLength;
                }

                head.ContentLength = length;
                break;
            case 15 when Ascii.EqualsIgnoreCase(name, "X-Forwarded-For"u8):
                head.ForwardedFor = value;
                break;
            case 17 when Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8):
                // A list of codings; the body's framing is known only when the last one (of the last header) is chunked.
                head.HasTransferEncoding = true;
                var last = value.LastIndexOf((byte)',');
                head.Chunked = Ascii.EqualsIgnoreCase(value[(last + 1)..].Trim(" \t"u8), "chunked"u8);
                break;
        }

        return HttpParseError.None;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > 18 || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        foreach (var digit in value)
        {
            length = (length * 10) + (digit - '0');
        }

        return true;
    }
}
