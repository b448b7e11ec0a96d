using Rampart.Core.Allowlists;

namespace Rampart.Core.Tests.Allowlists;

public sealed class AllowlistRegistryTests
{
    private static readonly AllowlistRegistry Registry = AllowlistRegistry.Default;

    [Theory]
    [InlineData("login.microsoftonline.com", DomainCategory.BrandOwned, "Microsoft")]
    [InlineData("outlook.office365.com", DomainCategory.BrandOwned, "Microsoft")]
    [InlineData("mail.hanmail.net", DomainCategory.BrandOwned, "Kakao")]
    [InlineData("e1234.dscb.akamaiedge.net", DomainCategory.CdnEdge, "Akamai")]
    [InlineData("outlook.office365.com.edgekey.net", DomainCategory.CdnEdge, "Akamai")]
    [InlineData("evil.blob.core.windows.net", DomainCategory.UserContentHosting, "Microsoft Azure Blob Storage")]
    [InlineData("microsoft-login.azurewebsites.net", DomainCategory.UserContentHosting, "Microsoft Azure App Service")]
    [InlineData("office365.github.io", DomainCategory.UserContentHosting, "GitHub Pages")]
    [InlineData("evil.duckdns.org", DomainCategory.DynamicDns, "Duck DNS")]
    [InlineData("bit.ly", DomainCategory.UrlShortener, "Bitly")]
    [InlineData("dkim.mail.microsoft", DomainCategory.BrandOwned, "Microsoft")]
    public void Finds_the_most_specific_entry_for_a_host(string host, DomainCategory category, string owner)
    {
        Assert.True(Registry.TryMatch(host, out var entry));
        Assert.Equal(category, entry.Category);
        Assert.Equal(owner, entry.Owner);
    }

    [Fact]
    public void Keeps_user_content_hosting_apart_from_allowlists()
    {
        Assert.True(DomainCategory.CdnEdge.IsAllowlist());
        Assert.False(DomainCategory.UserContentHosting.IsAllowlist());
        Assert.False(DomainCategory.DynamicDns.IsAllowlist());
    }

    [Fact]
    public void The_popularity_allowlist_can_be_turned_off()
    {
        Assert.True(Registry.TryMatch("www.wikipedia.org", out var entry));
        Assert.Equal(DomainCategory.Popular, entry.Category);
        var strict = AllowlistRegistry.Create(new AllowlistOptions { Popularity = false }, []);
        Assert.False(strict.TryMatch("www.wikipedia.org", out _));
        Assert.True(strict.TryMatch("www.microsoft.com", out _));
    }

    [Fact]
    public void Popular_hosting_is_never_an_excuse_for_its_subdomains()
    {
        Assert.True(Registry.TryMatch("microsoft-login.weebly.com", out var entry));
        Assert.Equal(DomainCategory.UserContentHosting, entry.Category);
    }

    [Fact]
    public void Unknown_names_match_nothing() =>
        Assert.False(Registry.TryMatch("hotrnall.com", out _));

    [Fact]
    public void Users_add_their_own_brand_domains()
    {
        var registry = AllowlistRegistry.Create(new AllowlistOptions(), [new RegistryEntry("example-thinktank.org", DomainCategory.BrandOwned, "Example Think Tank")]);
        Assert.True(registry.TryMatch("mail.example-thinktank.org", out var entry));
        Assert.Equal("Example Think Tank", entry.Owner);
        Assert.Contains("example-thinktank.org", registry.DomainsOwnedBy("Example Think Tank"));
    }

    [Fact]
    public void Reads_lists_in_the_shipped_format()
    {
        var entries = AllowlistRegistry.Parse(new StringReader("# comment\nExample.COM Example Inc\n\nbad!name.com x\nxn--abc-.com x\n"), DomainCategory.BrandOwned).ToArray();
        var only = Assert.Single(entries);
        Assert.Equal(new RegistryEntry("example.com", DomainCategory.BrandOwned, "Example Inc"), only);
    }

    [Fact]
    public void Offers_every_category_as_a_warninglist()
    {
        var lists = Registry.ToWarninglists();
        Assert.Equal(Enum.GetValues<DomainCategory>().Length, lists.Count);
        Assert.All(lists, list => Assert.NotEmpty(list.Values));
        Assert.Contains("microsoft.com", lists.Single(l => l.Category == DomainCategory.BrandOwned).Values);
    }
}
