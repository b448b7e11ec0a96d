using System.Globalization;
using CsCheck;
using Rampart.Core.Urls;

namespace Rampart.Core.Tests.Urls;

public sealed class SafeBrowsingUrlTests
{
    // The canonicalization examples of the Safe Browsing Update API v4 documentation (port aside:
    // Rampart keeps a non-default port in the URL it shows; expressions never carry one).
    [Theory]
    [InlineData("http://host/%25%32%35", "http://host/%25")]
    [InlineData("http://host/%25%32%35%25%32%35", "http://host/%25%25")]
    [InlineData("http://host/%2525252525252525", "http://host/%25")]
    [InlineData("http://host/asdf%25%32%35asd", "http://host/asdf%25asd")]
    [InlineData("http://host/%%%25%32%35asd%%", "http://host/%25%25%25asd%25%25")]
    [InlineData("http://www.google.com/", "http://www.google.com/")]
    [InlineData("http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/", "http://168.188.99.26/.secure/www.ebay.com/")]
    [InlineData("http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/", "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/")]
    [InlineData("http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B", "http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+")]
    [InlineData("http://3279880203/blah", "http://195.127.0.11/blah")]
    [InlineData("http://www.google.com/blah/..", "http://www.google.com/")]
    [InlineData("www.google.com/", "http://www.google.com/")]
    [InlineData("www.google.com", "http://www.google.com/")]
    [InlineData("http://www.evil.com/blah#frag", "http://www.evil.com/blah")]
    [InlineData("http://www.GOOgle.com/", "http://www.google.com/")]
    [InlineData("http://www.google.com.../", "http://www.google.com/")]
    [InlineData("http://www.google.com/foo\tbar\rbaz\n2", "http://www.google.com/foobarbaz2")]
    [InlineData("http://www.google.com/q?", "http://www.google.com/q?")]
    [InlineData("http://www.google.com/q?r?", "http://www.google.com/q?r?")]
    [InlineData("http://www.google.com/q?r?s", "http://www.google.com/q?r?s")]
    [InlineData("http://evil.com/foo#bar#baz", "http://evil.com/foo")]
    [InlineData("http://evil.com/foo;", "http://evil.com/foo;")]
    [InlineData("http://evil.com/foo?bar;", "http://evil.com/foo?bar;")]
    [InlineData("http://notrailingslash.com", "http://notrailingslash.com/")]
    [InlineData("http://www.gotaport.com:80/", "http://www.gotaport.com/")]
    [InlineData("http://www.gotaport.com:1234/", "http://www.gotaport.com:1234/")]
    [InlineData("  http://www.google.com/  ", "http://www.google.com/")]
    [InlineData("http://%20leadingspace.com/", "http://%20leadingspace.com/")]
    [InlineData("https://www.securesite.com/", "https://www.securesite.com/")]
    [InlineData("http://host.com/ab%23cd", "http://host.com/ab%23cd")]
    [InlineData("http://host.com//twoslashes?more//slashes", "http://host.com/twoslashes?more//slashes")]
    public void Canonicalizes_as_safe_browsing_documents(string input, string expected)
    {
        Assert.True(SafeBrowsingUrl.TryCanonicalize(input, out var url, out var error), error);
        Assert.Equal(expected, url.ToString());
    }

    [Theory]
    [InlineData("https://microsoft.com@evil.net/", "evil.net")]
    [InlineData("https://login.microsoftonline.com:443@evil.net/x", "evil.net")]
    [InlineData("https://user:pass@evil.net:8443/", "evil.net")]
    [InlineData("HTTPS://EVIL.NET./", "evil.net")]
    [InlineData("http://0xC37F000B/", "195.127.0.11")]
    [InlineData("http://0303.0177.0.013/", "195.127.0.11")]
    [InlineData("http://195.8323083/", "195.127.0.11")]
    [InlineData("http://195.127.11/", "195.127.0.11")]
    [InlineData("http://[2001:DB8:0::1]:8080/", "[2001:db8::1]")]
    [InlineData("http://bücher.example/", "xn--bcher-kva.example")]
    [InlineData("http://ｈａｎｍａｉｌ。net/", "hanmail.net")]
    [InlineData("http://xn--99999999999.com/", "xn--99999999999.com")]
    public void Finds_the_real_host_behind_the_tricks(string input, string host)
    {
        Assert.True(SafeBrowsingUrl.TryCanonicalize(input, out var url, out var error), error);
        Assert.Equal(host, url.Host);
    }

    [Theory]
    [InlineData("http://a.b.c/1/2.html?param=1", new[]
    {
        "a.b.c/1/2.html?param=1", "a.b.c/1/2.html", "a.b.c/", "a.b.c/1/",
        "b.c/1/2.html?param=1", "b.c/1/2.html", "b.c/", "b.c/1/",
    })]
    [InlineData("http://a.b.c.d.e.f.g/1.html", new[]
    {
        "a.b.c.d.e.f.g/1.html", "a.b.c.d.e.f.g/", "c.d.e.f.g/1.html", "c.d.e.f.g/", "d.e.f.g/1.html", "d.e.f.g/",
        "e.f.g/1.html", "e.f.g/", "f.g/1.html", "f.g/",
    })]
    [InlineData("http://1.2.3.4/1/", new[] { "1.2.3.4/1/", "1.2.3.4/" })]
    public void Expressions_follow_the_safe_browsing_host_suffix_and_path_prefix_rules(string input, string[] expected)
    {
        Assert.True(SafeBrowsingUrl.TryCanonicalize(input, out var url, out var error), error);
        Assert.Equal(expected.Order(StringComparer.Ordinal), UrlExpressions.For(url).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://")]
    [InlineData("http://evil.com:99999/")]
    [InlineData("http://[zz::1]/")]
    public void Refuses_what_is_not_a_url_with_a_reason(string input)
    {
        Assert.False(SafeBrowsingUrl.TryCanonicalize(input, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Never_throws_and_the_canonical_form_is_a_fixed_point()
    {
        var alphabet = Gen.OneOf(Gen.Char["abcAZ019.-/:@?#%[]_ \t"], Gen.Char["%2e%2f%25%40"], Gen.Char);
        Gen.String[alphabet, 0, 120].Sample(text =>
        {
            if (!SafeBrowsingUrl.TryCanonicalize(text, out var url, out _))
            {
                return;
            }

            var shown = url.ToString();
            Assert.True(SafeBrowsingUrl.TryCanonicalize(shown, out var again, out var error), $"{shown}: {error}");
            Assert.Equal(shown, again.ToString());
            Assert.Equal(url.Expression, CanonicalUrl.ExpressionOf(shown));
            foreach (var c in shown)
            {
                Assert.True(c is > ' ' and < (char)0x7F and not '#', $"{shown} holds U+{(int)c:X4}");
            }
        });
    }

    [Fact]
    public void Percent_escaping_any_path_character_does_not_change_the_canonical_form()
    {
        var segment = Gen.String[Gen.Char["abcxyz019-_~.!$&'()*+,;=:@"], 1, 8];
        var path = segment.Array[0, 5].Select(s => "/" + string.Join('/', s));
        Gen.Select(path, Gen.Int).Sample((p, seed) =>
        {
            var random = new Random(seed);
            var escaped = string.Concat(p.Select(c => c != '/' && random.Next(2) == 0 ? $"%{(int)c:X2}" : c.ToString()));
            Assert.True(SafeBrowsingUrl.TryCanonicalize("http://evil.example" + p, out var plain, out _));
            Assert.True(SafeBrowsingUrl.TryCanonicalize("http://evil.example" + escaped, out var tricked, out _));
            Assert.Equal(plain, tricked);
        });
    }

    [Fact]
    public void Every_ipv4_spelling_of_an_address_gives_its_dotted_form()
    {
        Gen.UInt.Sample(address =>
        {
            var b = BitConverter.GetBytes(address).Reverse().ToArray();
            var dotted = string.Join('.', b);
            var forms = new[]
            {
                address.ToString(CultureInfo.InvariantCulture),
                "0x" + address.ToString("x", CultureInfo.InvariantCulture),
                string.Join('.', b.Select(x => "0" + Convert.ToString(x, 8))),
                string.Join('.', b.Select(x => "0x" + x.ToString("X2", CultureInfo.InvariantCulture))),
                $"{b[0]}.{(b[1] << 16) | (b[2] << 8) | b[3]}",
                $"{b[0]}.{b[1]}.{(b[2] << 8) | b[3]}",
            };
            foreach (var form in forms)
            {
                Assert.True(Ipv4Forms.TryParse(form, out var parsed), form);
                Assert.Equal(dotted, parsed);
            }
        });
    }
}
