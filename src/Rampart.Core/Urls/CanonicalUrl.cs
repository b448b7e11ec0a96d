namespace Rampart.Core.Urls;

/// <summary>
/// A URL in Safe Browsing canonical form (<see cref="SafeBrowsingUrl"/>): lowercase scheme and host,
/// no user-info, no default port, no fragment, dot segments and repeated slashes resolved, every
/// byte at or below 0x20, at or above 0x7F, '#' and '%' percent-escaped once with uppercase hex.
/// </summary>
/// <param name="Host">Lowercase ASCII (punycode) name without leading, trailing or repeated dots, or
/// an IPv4 address in dotted decimal, or an IPv6 address in brackets.</param>
/// <param name="Port">The port when it is not the scheme's default.</param>
/// <param name="Path">Starts with '/'.</param>
/// <param name="Query">The text after '?', or null when the URL has no '?'.</param>
public sealed record CanonicalUrl(string Scheme, string Host, int? Port, string Path, string? Query, UrlHostKind HostKind)
{
    /// <summary>True when the host is an IP address rather than a name (a bare-IP URL).</summary>
    public bool HostIsAddress => HostKind != UrlHostKind.Name;

    /// <summary>Host, path and query: the form Safe Browsing hashes, without scheme and port.</summary>
    public string Expression => Query is null ? Host + Path : $"{Host}{Path}?{Query}";

    /// <summary>
    /// The <see cref="Expression"/> of a URL already in canonical form (the <c>ToString()</c> text, as
    /// indicators store it): scheme and port cut away, nothing canonicalized again.
    /// </summary>
    public static string ExpressionOf(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var text = canonical.AsSpan();
        var hostStart = text.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        // The canonical path always starts with '/', and no host holds one.
        var pathStart = text[hostStart..].IndexOf('/') is var slash and >= 0 ? hostStart + slash : text.Length;
        var authority = text[hostStart..pathStart];
        // A port follows the last ':' after any IPv6 brackets.
        var colon = authority.LastIndexOf(':');
        var hostEnd = colon > authority.LastIndexOf(']') ? hostStart + colon : pathStart;
        return string.Concat(text[hostStart..hostEnd], text[pathStart..]);
    }

    public override string ToString() =>
        $"{Scheme}://{Host}{(Port is { } port ? ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}{Path}{(Query is null ? "" : "?" + Query)}";
}
