namespace Rampart.Detection.Indicators;

/// <summary>How a checked value met an indicator.</summary>
public enum MatchHow : byte
{
    /// <summary>The value is the indicator.</summary>
    Exact,
    /// <summary>The value is a subdomain of a domain indicator.</summary>
    ParentDomain,
    /// <summary>A URL's host is the indicator (a domain or an address).</summary>
    UrlHost,
    /// <summary>A URL falls under a URL indicator's host suffix and path prefix.</summary>
    UrlPrefix,
    /// <summary>An e-mail address is at a domain indicator or under it.</summary>
    EmailDomain,
    /// <summary>An address is inside a network indicator.</summary>
    Network,
}
