namespace Rampart.Core.Allowlists;

/// <summary>
/// What the registry knows about a domain. The first three are allowlists (a name there is not a
/// lookalike); the others are signals that raise suspicion, kept apart on purpose: a brand name
/// under <c>azurewebsites.net</c> is someone else's page, under <c>akamaiedge.net</c> the brand's own.
/// </summary>
public enum DomainCategory
{
    /// <summary>A protected brand's own registered domain.</summary>
    BrandOwned,

    /// <summary>A CDN or traffic-steering namespace whose names are made for its customers.</summary>
    CdnEdge,

    /// <summary>A widely linked site (the Majestic list); can be turned off.</summary>
    Popular,

    /// <summary>Hosting where anyone picks the subdomain.</summary>
    UserContentHosting,

    /// <summary>Free dynamic-DNS names.</summary>
    DynamicDns,

    /// <summary>A link shortener.</summary>
    UrlShortener,
}
