using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Rampart.Core.Names;
using Rampart.Core.Urls;

namespace Rampart.Core.Indicators;

/// <summary>
/// Turns text into an <see cref="IndicatorValue"/>: refangs it, detects its type (or checks the type
/// given), validates it and normalizes it. Never throws on bad input; the error says why.
/// </summary>
public static class IndicatorValueParser
{
    /// <summary>Longer values are refused: no real indicator needs more, and lists are read line by line.</summary>
    public const int MaxLength = 4096;

    private static readonly HashSet<string> UrlSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "ftp", "ftps", "ws", "wss" };

    public static bool TryParse(string raw, [NotNullWhen(false)] out string? error, out IndicatorValue value)
    {
        value = default;
        if (!TryPrepare(raw, out var text, out error))
        {
            return false;
        }

        var type = Detect(text);
        return TryParseAs(text, type, out error, out value);
    }

    public static bool TryParse(string raw, IndicatorType type, [NotNullWhen(false)] out string? error, out IndicatorValue value)
    {
        value = default;
        return TryPrepare(raw, out var text, out error) && TryParseAs(text, type, out error, out value);
    }

    /// <summary>Parses a value known to be valid (tests, fixtures, the shipped data); throws otherwise.</summary>
    public static IndicatorValue Parse(string raw) =>
        TryParse(raw, out var error, out var value) ? value : throw new FormatException($"'{raw}': {error}");

    private static bool TryPrepare(string? raw, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        text = null;
        var trimmed = raw?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "empty value";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"value is {trimmed.Length} characters; the limit is {MaxLength}";
            return false;
        }

        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                error = "value contains whitespace";
                return false;
            }

            if (char.IsControl(c))
            {
                error = $"value contains control character U+{(int)c:X4}";
                return false;
            }
        }

        text = Defang.Refang(trimmed);
        error = null;
        return true;
    }

    private static IndicatorType Detect(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return IndicatorType.Url;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var afterSlash = text.AsSpan(slash + 1);
            return afterSlash.Length is > 0 and <= 3 && int.TryParse(afterSlash, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && IPAddress.TryParse(text.AsSpan(0, slash), out _)
                ? IndicatorType.Cidr
                : IndicatorType.Url;
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            return IndicatorType.Email;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            // Only IPv6 has colons without a scheme; "host:port" is read as a URL without a path.
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? IndicatorType.Ipv6
                : IndicatorType.Url;
        }

        if (IsHex(text) && text.Length is 32 or 40 or 64)
        {
            return text.Length switch { 32 => IndicatorType.Md5, 40 => IndicatorType.Sha1, _ => IndicatorType.Sha256 };
        }

        return LooksLikeIpv4(text) ? IndicatorType.Ipv4 : IndicatorType.Domain;
    }

    private static bool TryParseAs(string text, IndicatorType type, [NotNullWhen(false)] out string? error, out IndicatorValue value)
    {
        value = default;
        string? normalized;
        CanonicalUrl? url = null;
        switch (type)
        {
            case IndicatorType.Domain:
                if (!TryNormalizeDomain(text, out normalized, out error))
                {
                    return false;
                }

                break;
            case IndicatorType.Url:
                if (!TryNormalizeUrl(text, out url, out error))
                {
                    return false;
                }

                normalized = url.ToString();
                break;
            case IndicatorType.Ipv4:
            case IndicatorType.Ipv6:
                if (!TryNormalizeIp(text, type, out normalized, out error))
                {
                    return false;
                }

                break;
            case IndicatorType.Cidr:
                if (!TryNormalizeCidr(text, out normalized, out error))
                {
                    return false;
                }

                break;
            case IndicatorType.Email:
                if (!TryNormalizeEmail(text, out normalized, out error))
                {
                    return false;
                }

                break;
            case IndicatorType.Md5:
            case IndicatorType.Sha1:
            case IndicatorType.Sha256:
                if (!TryNormalizeHash(text, type, out normalized, out error))
                {
                    return false;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "unknown indicator type");
        }

        value = new IndicatorValue(type, text, normalized, url);
        return true;
    }

    /// <summary>
    /// Lowercase ASCII (punycode) form of a host name without a trailing dot, mapped by the one
    /// IDNA implementation (<see cref="DomainNames"/>, UTS #46 and strict punycode). Labels may hold
    /// underscores: real malicious infrastructure uses them in subdomains.
    /// </summary>
    public static bool TryNormalizeDomain(string text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        normalized = null;
        Span<char> buffer = stackalloc char[DomainNames.MaxNameLength];
        if (!DomainNames.TryToAscii(text, buffer, out var written, out var problem))
        {
            error = $"'{Shorten(text)}' is not a valid domain name: {problem.Describe()}";
            return false;
        }

        var ascii = new string(buffer[..written]);
        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            error = $"'{Shorten(text)}' is not a domain: it needs at least two labels";
            return false;
        }

        foreach (var label in labels)
        {
            if (label[0] == '-' || label[^1] == '-')
            {
                error = $"domain label '{label}' starts or ends with a hyphen";
                return false;
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            error = $"'{Shorten(text)}' is not a domain: its last label is numeric";
            return false;
        }

        normalized = ascii;
        error = null;
        return true;
    }

    /// <summary>
    /// The Safe Browsing canonical form (<see cref="SafeBrowsingUrl"/>), so a stored URL indicator and
    /// a checked link meet in one form; a host name must also be a valid domain, so a list with
    /// <c>http://localhost/</c> or a host with stray characters is told why.
    /// </summary>
    private static bool TryNormalizeUrl(string text, [NotNullWhen(true)] out CanonicalUrl? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        if (!SafeBrowsingUrl.TryCanonicalize(text, out var canonical, out var urlError))
        {
            error = $"'{Shorten(text)}' is not a valid URL: {urlError}";
            return false;
        }

        if (!UrlSchemes.Contains(canonical.Scheme))
        {
            error = $"URL scheme '{Shorten(canonical.Scheme)}' is not one of {string.Join(", ", UrlSchemes)}";
            return false;
        }

        if (canonical.HostKind == UrlHostKind.Name && !TryNormalizeDomain(canonical.Host, out _, out var hostError))
        {
            error = $"URL host: {hostError}";
            return false;
        }

        url = canonical;
        error = null;
        return true;
    }

    private static bool TryNormalizeIp(string text, IndicatorType type, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (type == IndicatorType.Ipv4)
        {
            if (!LooksLikeIpv4(text) || !IPAddress.TryParse(text, out var v4))
            {
                error = $"'{text}' is not an IPv4 address (four numbers 0-255, no leading zeros)";
                return false;
            }

            normalized = v4.ToString();
        }
        else
        {
            if (text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                error = $"'{text}' is not an IPv6 address";
                return false;
            }

            normalized = v6.ToString();
        }

        error = null;
        return true;
    }

    private static bool TryNormalizeCidr(string text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = $"'{text}' is not a CIDR network: no '/prefix'";
            return false;
        }

        var addressText = text[..slash];
        var isV4 = LooksLikeIpv4(addressText);
        if (!(isV4 || addressText.Contains(':', StringComparison.Ordinal)) || addressText.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(addressText, out var address))
        {
            error = $"'{addressText}' is not an IP address";
            return false;
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > maxPrefix)
        {
            error = $"CIDR prefix '{text[(slash + 1)..]}' is not a number from 0 to {maxPrefix}";
            return false;
        }

        var network = new IPNetwork(MaskHostBits(address, prefix), prefix);
        if (!network.BaseAddress.Equals(address))
        {
            error = $"'{text}' has host bits set; the network is {network}";
            return false;
        }

        normalized = network.ToString();
        error = null;
        return true;
    }

    private static IPAddress MaskHostBits(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsInByte = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsInByte));
        }

        return new IPAddress(bytes);
    }

    private static bool TryNormalizeEmail(string text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            error = $"'{text}' is not an e-mail address: it needs a name before and a domain after '@'";
            return false;
        }

        var local = text[..at];
        if (local.Length > 64)
        {
            error = $"e-mail name is {local.Length} characters; the limit is 64";
            return false;
        }

        if (local.Contains('@', StringComparison.Ordinal) || local.Contains('/', StringComparison.Ordinal))
        {
            error = $"e-mail name '{local}' contains '@' or '/'";
            return false;
        }

        if (!TryNormalizeDomain(text[(at + 1)..], out var domain, out var domainError))
        {
            error = $"e-mail domain: {domainError}";
            return false;
        }

        // Mail providers treat the name case-insensitively in practice, and matching must too.
        normalized = local.ToLowerInvariant() + "@" + domain;
        error = null;
        return true;
    }

    private static bool TryNormalizeHash(string text, IndicatorType type, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var expected = type switch { IndicatorType.Md5 => 32, IndicatorType.Sha1 => 40, _ => 64 };
        if (!IsHex(text) || text.Length != expected)
        {
            error = $"'{Shorten(text)}' is not a {type.ToWire()} hash: expected {expected} hex digits";
            return false;
        }

        normalized = text.ToLowerInvariant();
        error = null;
        return true;
    }

    private static bool LooksLikeIpv4(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0')
            && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsHex(string text) => text.Length > 0 && text.All(char.IsAsciiHexDigit);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
