namespace Rampart.Dns.Http;

/// <summary>
/// What the sinkhole keeps of a request head: spans into the receive buffer, valid until it is
/// reused. Only the fields a hit records and the framing needs are picked out.
/// </summary>
internal ref struct HttpRequestHead
{
    /// <summary>Bytes of the head including the blank line that ends it.</summary>
    public int Length;

    public ReadOnlySpan<byte> Method;

    /// <summary>The request target as sent: path and query for origin-form, the whole URL for absolute-form.</summary>
    public ReadOnlySpan<byte> Target;

    public ReadOnlySpan<byte> Host;

    public ReadOnlySpan<byte> UserAgent;

    public ReadOnlySpan<byte> Referer;

    public ReadOnlySpan<byte> ForwardedFor;

    /// <summary>HTTP/1.1 (true) or HTTP/1.0.</summary>
    public bool Http11;

    /// <summary>Declared body length; -1 when there is no Content-Length.</summary>
    public long ContentLength;

    /// <summary>A Transfer-Encoding header was present: the body's end is not known without decoding it.</summary>
    public bool HasTransferEncoding;

    /// <summary>The final transfer coding is chunked: the body is read with <see cref="ChunkedBodyDecoder"/>.</summary>
    public bool Chunked;

    /// <summary>"Connection: close" was sent.</summary>
    public bool ConnectionClose;

    /// <summary>"Connection: keep-alive" was sent (matters for HTTP/1.0).</summary>
    public bool ConnectionKeepAlive;

    public readonly bool KeepAlive => !ConnectionClose && (Http11 || ConnectionKeepAlive);
}
