using Rampart.Core.Indicators;

namespace Rampart.Intel.Stix;

/// <summary>Writes the STIX pattern for one indicator value: the inverse of what <see cref="Patterns.PatternEnforcement"/> reads.</summary>
public static class StixPatterns
{
    public static string For(IndicatorType type, string normalized)
    {
        var value = "'" + normalized.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        return type switch
        {
            IndicatorType.Domain => $"[domain-name:value = {value}]",
            IndicatorType.Url => $"[url:value = {value}]",
            IndicatorType.Ipv4 => $"[ipv4-addr:value = {value}]",
            IndicatorType.Ipv6 => $"[ipv6-addr:value = {value}]",
            IndicatorType.Cidr => normalized.Contains(':', StringComparison.Ordinal) ? $"[ipv6-addr:value ISSUBSET {value}]" : $"[ipv4-addr:value ISSUBSET {value}]",
            IndicatorType.Email => $"[email-addr:value = {value}]",
            IndicatorType.Md5 => $"[file:hashes.MD5 = {value}]",
            IndicatorType.Sha1 => $"[file:hashes.'SHA-1' = {value}]",
            IndicatorType.Sha256 => $"[file:hashes.'SHA-256' = {value}]",
        };
    }
}
