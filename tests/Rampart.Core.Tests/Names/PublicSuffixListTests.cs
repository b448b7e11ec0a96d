using CsCheck;
using Rampart.Core.Names;

namespace Rampart.Core.Tests.Names;

public sealed class PublicSuffixListTests
{
    // A small list of our own so the tests pin the algorithm, not the shipped data's date.
    private static readonly PublicSuffixList List = PublicSuffixList.Load(new StringReader("""
        // ===BEGIN ICANN DOMAINS===
        com
        uk
        co.uk
        jp
        *.kawasaki.jp
        !city.kawasaki.jp
        // ===END ICANN DOMAINS===
        // ===BEGIN PRIVATE DOMAINS===
        github.io
        azurewebsites.net
        """));

    [Theory]
    [InlineData("www.example.com", "example.com", "com", "www")]
    [InlineData("a.b.evil.co.uk", "evil.co.uk", "co.uk", "a.b")]
    [InlineData("login.evil.github.io", "evil.github.io", "github.io", "login")]
    [InlineData("x.y.kawasaki.jp", "x.y.kawasaki.jp", "y.kawasaki.jp", "")]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp", "kawasaki.jp", "www")]
    [InlineData("site.example.unlisted", "example.unlisted", "unlisted", "site")]
    public void Splits_hosts_into_subdomain_registrable_domain_and_suffix(string host, string registrable, string suffix, string subdomain)
    {
        var split = List.Split(host);
        Assert.Equal(registrable, split.Registrable(host).ToString());
        Assert.Equal(suffix, split.Suffix(host).ToString());
        Assert.Equal(subdomain, split.Subdomain(host).ToString());
    }

    [Fact]
    public void Marks_suffixes_from_the_private_section()
    {
        Assert.True(List.Split("evil.github.io").SuffixIsPrivate);
        Assert.False(List.Split("evil.co.uk").SuffixIsPrivate);
    }

    [Theory]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("github.io")]
    public void A_public_suffix_has_no_registrable_domain(string host) =>
        Assert.False(List.Split(host).HasRegistrable);

    [Fact]
    public void The_shipped_list_knows_wildcards_exceptions_and_private_hosting()
    {
        var list = PublicSuffixList.Default;
        Assert.True(list.RuleCount > 5000);
        Assert.Equal("evil.azurewebsites.net", list.Split("login.evil.azurewebsites.net").Registrable("login.evil.azurewebsites.net").ToString());
        Assert.Equal("evil.co.kr", list.Split("www.evil.co.kr").Registrable("www.evil.co.kr").ToString());
    }

    [Fact]
    public void Registrable_domains_are_one_label_more_than_their_suffix_and_split_the_same_again()
    {
        var label = Gen.String[Gen.Char["abcgio"], 1, 4];
        var tld = Gen.OneOf(Gen.Const("com"), Gen.Const("co.uk"), Gen.Const("github.io"), Gen.Const("kawasaki.jp"), Gen.Const("city.kawasaki.jp"), Gen.Const("zz"));
        Gen.Select(label.Array[0, 4], tld).Sample((labels, suffix) =>
        {
            var host = string.Join('.', labels.Append(suffix));
            var split = List.Split(host);
            var registrable = split.Registrable(host).ToString();
            Assert.EndsWith(split.Suffix(host).ToString(), host, StringComparison.Ordinal);
            if (!split.HasRegistrable)
            {
                return;
            }

            Assert.Equal(split.Suffix(host).Count('.') + 1, registrable.Count('.'));
            var again = List.Split(registrable);
            Assert.Equal(registrable, again.Registrable(registrable).ToString());
        });
    }
}
