namespace Rampart.Dns.Http;

/// <summary>Why a request head could not be read. Errors are data: the parser never throws on input.</summary>
public enum HttpParseError : byte
{
    None = 0,

    /// <summary>Not "METHOD SP target SP HTTP/1.x CRLF": a bad method token, a missing space, an empty target.</summary>
    BadRequestLine,

    /// <summary>A version other than HTTP/1.0 and HTTP/1.1.</summary>
    UnsupportedVersion,

    /// <summary>A header line without a colon, a space before the colon, or a bare CR or LF.</summary>
    BadHeader,

    /// <summary>The head is longer than <see cref="HttpSinkholeOptions.MaxRequestHeadBytes"/>.</summary>
    HeadTooLarge,

    /// <summary>Content-Length that is not a decimal number, or two that disagree.</summary>
    BadContentLength,

    /// <summary>Both Content-Length and Transfer-Encoding (request smuggling, RFC 9112 §6.3).</summary>
    LengthAndTransferEncoding,

    /// <summary>Transfer-Encoding whose final coding is not chunked, or on HTTP/1.0 (RFC 9112 §6.1: the framing is faulty).</summary>
    BadTransferEncoding,

    /// <summary>Chunked framing broken: a chunk-size line not hex, over <see cref="HttpSinkholeOptions.MaxChunkLineBytes"/> or without CRLF; no CRLF after a chunk; a bare LF.</summary>
    BadChunk,

    /// <summary>A chunked body longer than <see cref="HttpSinkholeOptions.MaxRequestBodyBytes"/>.</summary>
    BodyTooLarge,
}
