namespace Rampart.Core.Allowlists;

public static class DomainCategories
{
    /// <summary>True for the categories that excuse a name; false for the ones that are signals.</summary>
    public static bool IsAllowlist(this DomainCategory category) => category switch
    {
        DomainCategory.BrandOwned or DomainCategory.CdnEdge or DomainCategory.Popular => true,
        DomainCategory.UserContentHosting or DomainCategory.DynamicDns or DomainCategory.UrlShortener => false,
    };

    /// <summary>Words for reasons: "user-content hosting (GitHub Pages)".</summary>
    public static string Describe(this DomainCategory category) => category switch
    {
        DomainCategory.BrandOwned => "brand's own domain",
        DomainCategory.CdnEdge => "CDN edge namespace",
        DomainCategory.Popular => "popular site (Majestic top 15k)",
        DomainCategory.UserContentHosting => "user-content hosting",
        DomainCategory.DynamicDns => "dynamic DNS",
        DomainCategory.UrlShortener => "link shortener",
    };
}
