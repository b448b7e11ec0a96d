using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Rampart.Core.Names;

namespace Rampart.Core.Urls;

/// <summary>
/// URL canonicalization as Google Safe Browsing defines it (Update API v4, "Canonicalization"), so a
/// URL indicator matches however a lure spells the same address: tabs, CR and LF removed, fragment
/// dropped, percent-escapes undone repeatedly and then redone once, scheme and host lowercased,
/// user-info dropped (<c>https://microsoft.com@evil.net/</c> is a URL on <c>evil.net</c>), default
/// port dropped, leading/trailing/repeated dots removed from the host, IPv4 hosts in decimal, hex,
/// octal or short forms written as dotted decimal, <c>.</c> and <c>..</c> path segments resolved and
/// repeated slashes collapsed. Never throws on bad input; the error says why.
/// </summary>
public static class SafeBrowsingUrl
{
    /// <summary>Longer inputs are refused: real URLs stay far below, and each pass is linear in the length.</summary>
    public const int MaxLength = 8192;

    /// <summary>253 characters make the longest DNS name; an escaped host may be up to three times longer.</summary>
    public const int MaxHostLength = 3 * 253;

    private static readonly System.Buffers.SearchValues<char> HostCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    private static readonly System.Buffers.SearchValues<char> AuthorityDelimiters = System.Buffers.SearchValues.Create(":[]@\\");

    public static bool TryCanonicalize(string text, [NotNullWhen(true)] out CanonicalUrl? url, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        url = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            error = "empty URL";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"URL is {trimmed.Length} characters; the limit is {MaxLength}";
            return false;
        }

        var withoutControls = trimmed.ToString().Replace("\t", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        var fragment = withoutControls.IndexOf('#', StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(fragment < 0 ? withoutControls : withoutControls[..fragment]);

        var escaped = Escape(UnescapeRepeatedly(bytes));
        return TryParse(escaped, out url, out error);
    }

    private static bool TryParse(string escaped, [NotNullWhen(true)] out CanonicalUrl? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        var rest = escaped.AsSpan();
        var scheme = "http";
        var schemeEnd = rest.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && IsScheme(rest[..schemeEnd]))
        {
            scheme = rest[..schemeEnd].ToString().ToLowerInvariant();
            rest = rest[(schemeEnd + 3)..];
        }
        else if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
        }

        var authorityEnd = rest.IndexOfAny('/', '?');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        rest = authorityEnd < 0 ? [] : rest[authorityEnd..];

        // Everything before the last '@' is user-info, however much it looks like a host.
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        if (!TrySplitPort(authority, out var hostText, out var port, out error)
            || !TryCanonicalizeHost(hostText, out var host, out var kind, out error))
        {
            return false;
        }

        var question = rest.IndexOf('?');
        var path = question < 0 ? rest : rest[..question];
        string? query = question < 0 ? null : rest[(question + 1)..].ToString();
        if (port == DefaultPort(scheme))
        {
            port = null;
        }

        url = new CanonicalUrl(scheme, host, port, CanonicalizePath(path), query, kind);
        error = null;
        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TrySplitPort(ReadOnlySpan<char> authority, out ReadOnlySpan<char> host, out int? port, [NotNullWhen(false)] out string? error)
    {
        host = authority;
        port = null;
        error = null;
        var colon = authority.LastIndexOf(':');
        var bracket = authority.LastIndexOf(']');
        if (colon < 0 || colon < bracket || (bracket < 0 && authority.IndexOf(':') != colon))
        {
            // No port, or a bare IPv6 address (several colons, no brackets): keep it whole.
            return true;
        }

        host = authority[..colon];
        var digits = authority[(colon + 1)..];
        if (digits.IsEmpty)
        {
            return true;
        }

        if (digits.Length > 5 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
        {
            error = $"URL port '{digits}' is not a number from 0 to 65535";
            return false;
        }

        port = number;
        return true;
    }

    private static bool TryCanonicalizeHost(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? host, out UrlHostKind kind, [NotNullWhen(false)] out string? error)
    {
        host = null;
        kind = UrlHostKind.Name;
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            if (IPAddress.TryParse(text[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && v6.ScopeId == 0)
            {
                host = $"[{v6}]";
                kind = UrlHostKind.Ipv6;
                error = null;
                return true;
            }

            error = $"URL host '{text}' is not an IPv6 address";
            return false;
        }

        if (text.Contains(':') && IPAddress.TryParse(text, out var bare) && bare.AddressFamily == AddressFamily.InterNetworkV6)
        {
            host = $"[{bare}]";
            kind = UrlHostKind.Ipv6;
            error = null;
            return true;
        }

        var name = CollapseDots(UnescapeHost(text)).ToLowerInvariant();
        if (name.Length == 0)
        {
            error = "URL has no host";
            return false;
        }

        // The authority's own delimiters in a host would be read as a port or an address on the next
        // reading, so the canonical form would not be a fixed point (fuzzing found `a:b[c:`); no host has them.
        if (name.AsSpan().IndexOfAny(AuthorityDelimiters) is var delimiter and >= 0)
        {
            error = $"URL host '{text}' contains '{name[delimiter]}', which no host name has";
            return false;
        }

        if (Ipv4Forms.TryParse(name, out var dotted))
        {
            host = dotted;
            kind = UrlHostKind.Ipv4;
            error = null;
            return true;
        }

        // Not a valid internationalized name: kept, escaped, as Safe Browsing does.
        if (!Ascii.IsValid(name) && DomainNames.TryToAscii(name, out var ascii, out _))
        {
            name = ascii;
        }

        if (name.Length > MaxHostLength)
        {
            error = $"URL host is {name.Length} characters; the limit is {MaxHostLength}";
            return false;
        }

        // Characters no host name has are kept escaped, so the canonical form stays one token.
        host = name.AsSpan().IndexOfAnyExcept(HostCharacters) < 0 ? name : Escape(Encoding.UTF8.GetBytes(name));
        error = null;
        return true;
    }

    /// <summary>The host arrives escaped; its non-ASCII bytes are UTF-8 for an internationalized name.</summary>
    private static string UnescapeHost(ReadOnlySpan<char> host)
    {
        if (!host.Contains('%'))
        {
            return host.ToString();
        }

        var bytes = UnescapeRepeatedly(Encoding.ASCII.GetBytes(host.ToString()));
        return new UTF8Encoding(false, false).GetString(bytes);
    }

    private static string CollapseDots(string host)
    {
        var builder = new StringBuilder(host.Length);
        foreach (var c in host)
        {
            if (c == '.' && (builder.Length == 0 || builder[^1] == '.'))
            {
                continue;
            }

            builder.Append(c);
        }

        if (builder.Length > 0 && builder[^1] == '.')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>Resolves <c>.</c> and <c>..</c> segments and collapses runs of slashes; keeps a trailing slash.</summary>
    internal static string CanonicalizePath(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty)
        {
            return "/";
        }

        var segments = new List<string>();
        var trailingSlash = path[^1] == '/';
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }

            if (segment is "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment.ToString());
        }

        var lastIsDot = path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal) || path is "." or "..";
        var joined = "/" + string.Join('/', segments);
        return segments.Count > 0 && (trailingSlash || lastIsDot) ? joined + "/" : joined;
    }

    internal static byte[] UnescapeRepeatedly(byte[] bytes)
    {
        // Each pass that changes anything shortens the input, so this ends.
        while (true)
        {
            var result = new List<byte>(bytes.Length);
            var changed = false;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
                {
                    result.Add((byte)((HexValue(bytes[i + 1]) << 4) | HexValue(bytes[i + 2])));
                    i += 2;
                    changed = true;
                }
                else
                {
                    result.Add(bytes[i]);
                }
            }

            if (!changed)
            {
                return bytes;
            }

            bytes = [.. result];
        }
    }

    internal static string Escape(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length + 16);
        foreach (var b in bytes)
        {
            if (b <= 0x20 || b >= 0x7F || b is (byte)'#' or (byte)'%')
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    private static int? DefaultPort(string scheme) => scheme switch
    {
        "http" or "ws" => 80,
        "https" or "wss" => 443,
        "ftp" => 21,
        _ => null,
    };

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
