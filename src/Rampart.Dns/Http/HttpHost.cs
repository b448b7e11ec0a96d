using System.Text;

namespace Rampart.Dns.Http;

/// <summary>The host name in a Host header: without the port, the trailing dot or brackets, lower case.</summary>
public static class HttpHost
{
    /// <summary>The name part of a Host value as bytes ("Evil.Example:8080" → "Evil.Example"); an IPv6 literal keeps no name.</summary>
    internal static ReadOnlySpan<byte> NamePart(ReadOnlySpan<byte> host)
    {
        if (host.StartsWith("["u8))
        {
            return default;
        }

        var colon = host.LastIndexOf((byte)':');
        if (colon >= 0)
        {
            host = host[..colon];
        }

        return host.EndsWith("."u8) ? host[..^1] : host;
    }

    /// <summary>The name a hit is filed under: lower case, no port; "" for an IPv6 literal or no Host.</summary>
    public static string Name(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bytes = Encoding.UTF8.GetBytes(host);
        return Encoding.UTF8.GetString(NamePart(bytes)).ToLowerInvariant();
    }
}
