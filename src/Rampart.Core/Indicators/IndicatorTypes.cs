using System.Diagnostics.CodeAnalysis;

namespace Rampart.Core.Indicators;

/// <summary>The one spelling of each indicator type, in files, the API and the store.</summary>
public static class IndicatorTypes
{
    public static string ToWire(this IndicatorType type) => type switch
    {
        IndicatorType.Domain => "domain",
        IndicatorType.Url => "url",
        IndicatorType.Ipv4 => "ipv4",
        IndicatorType.Ipv6 => "ipv6",
        IndicatorType.Cidr => "cidr",
        IndicatorType.Email => "email",
        IndicatorType.Md5 => "md5",
        IndicatorType.Sha1 => "sha1",
        IndicatorType.Sha256 => "sha256",
    };

    public static bool TryParse(string? wire, [NotNullWhen(true)] out IndicatorType? type)
    {
        type = wire?.Trim().ToLowerInvariant() switch
        {
            "domain" or "domain-name" or "hostname" => IndicatorType.Domain,
            "url" or "uri" => IndicatorType.Url,
            "ipv4" or "ipv4-addr" or "ip" => IndicatorType.Ipv4,
            "ipv6" or "ipv6-addr" => IndicatorType.Ipv6,
            "cidr" or "network" => IndicatorType.Cidr,
            "email" or "email-addr" or "e-mail" => IndicatorType.Email,
            "md5" => IndicatorType.Md5,
            "sha1" or "sha-1" => IndicatorType.Sha1,
            "sha256" or "sha-256" => IndicatorType.Sha256,
            _ => null,
        };
        return type is not null;
    }

    public static IReadOnlyList<string> WireNames { get; } =
        Enum.GetValues<IndicatorType>().Select(t => t.ToWire()).ToArray();
}
