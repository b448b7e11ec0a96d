namespace Rampart.Core.Indicators;

/// <summary>What an indicator's value is. The wire names are the lowercase words in <see cref="IndicatorTypes"/>.</summary>
public enum IndicatorType
{
    Domain,
    Url,
    Ipv4,
    Ipv6,
    /// <summary>An IPv4 or IPv6 network in CIDR notation.</summary>
    Cidr,
    Email,
    Md5,
    Sha1,
    Sha256,
}
