using System.Net;
using System.Net.Sockets;
using Rampart.Core.Allowlists;
using Rampart.Core.Indicators;

namespace Rampart.Intel.Import;

/// <summary>
/// What must never become a blocking indicator, checked at import: a domain or e-mail domain in the
/// allowlist registry's allowlists (brands' own domains, CDN edges, popular sites) or under one;
/// a URL that is a whole allowlisted site (a path on a popular host can be a lure, so only the bare
/// site counts); private, loopback, link-local, multicast and reserved addresses. A hit is reported
/// with its reason and left out of the index, never dropped silently.
/// </summary>
public sealed class Warninglists(AllowlistRegistry registry)
{
    public static Warninglists Default { get; } = new(AllowlistRegistry.Default);

    /// <summary>True when <paramref name="value"/> is on a warninglist; <paramref name="reason"/> names the list and the entry.</summary>
    public bool Hits(IndicatorValue value, out string? reason)
    {
        reason = value.Type switch
        {
            IndicatorType.Domain => Host(value.Normalized),
            IndicatorType.Email => Host(value.Normalized[(value.Normalized.LastIndexOf('@') + 1)..]),
            IndicatorType.Url => Uri.TryCreate(value.Normalized, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0 ? Host(uri.IdnHost) : null,
            IndicatorType.Ipv4 or IndicatorType.Ipv6 => Address(value.Normalized),
            IndicatorType.Cidr => Address(value.Normalized[..value.Normalized.IndexOf('/', StringComparison.Ordinal)]),
            IndicatorType.Md5 or IndicatorType.Sha1 or IndicatorType.Sha256 => null,
        };
        return reason is not null;
    }

    private string? Host(string host) =>
        registry.TryMatch(host, out var entry) && entry.Category.IsAllowlist()
            ? $"on the warninglist '{entry.Category.Describe()}' ({entry.Domain}{(entry.Owner.Length > 0 ? ", " + entry.Owner : "")})"
            : null;

    private static string? Address(string text)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var reserved = address.AddressFamily == AddressFamily.InterNetwork
            ? bytes[0] is 0 or 10 or 127 || bytes[0] >= 224 || (bytes[0] == 100 && bytes[1] is >= 64 and < 128)
                || (bytes[0] == 169 && bytes[1] == 254) || (bytes[0] == 172 && bytes[1] is >= 16 and < 32) || (bytes[0] == 192 && bytes[1] == 168)
            : IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6Multicast
                || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        return reserved ? "on the warninglist 'private and reserved addresses'" : null;
    }
}
