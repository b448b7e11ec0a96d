namespace Rampart.Core.Urls;

public enum UrlHostKind
{
    Name,
    Ipv4,
    Ipv6,
}
