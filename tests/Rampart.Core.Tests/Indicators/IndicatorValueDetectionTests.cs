using CsCheck;
using Rampart.Core.Indicators;
using Rampart.Core.Names;

namespace Rampart.Core.Tests.Indicators;

public sealed class IndicatorValueDetectionTests
{
    [Theory]
    [InlineData("hxxps://login.evil[.]com/x", IndicatorType.Url, "https://login.evil.com/x")]
    [InlineData("hXXp://Evil.COM:80", IndicatorType.Url, "http://evil.com/")]
    [InlineData("www.example.com/path?q=1", IndicatorType.Url, "http://www.example.com/path?q=1")]
    [InlineData("https://evil.com:8443/a", IndicatorType.Url, "https://evil.com:8443/a")]
    [InlineData("https://microsoft.com@evil.net/./a//b/../c#x", IndicatorType.Url, "https://evil.net/a/c")]
    [InlineData("http://0xC37F000B/%2e%73ecure/", IndicatorType.Url, "http://195.127.0.11/.secure/")]
    [InlineData("http://[2001:DB8::1]:8080/", IndicatorType.Url, "http://[2001:db8::1]:8080/")]
    [InlineData("evil[.]com", IndicatorType.Domain, "evil.com")]
    [InlineData("Login.Evil.COM.", IndicatorType.Domain, "login.evil.com")]
    [InlineData("BÜCHER.example", IndicatorType.Domain, "xn--bcher-kva.example")]
    [InlineData("1.2.3[.]4", IndicatorType.Ipv4, "1.2.3.4")]
    [InlineData("2001:DB8:0:0::1", IndicatorType.Ipv6, "2001:db8::1")]
    [InlineData("10.0.0.0/8", IndicatorType.Cidr, "10.0.0.0/8")]
    [InlineData("2001:db8::/32", IndicatorType.Cidr, "2001:db8::/32")]
    [InlineData("User[@]Example(.)com", IndicatorType.Email, "user@example.com")]
    [InlineData("user(at)x[dot]com", IndicatorType.Email, "user@x.com")]
    [InlineData("D41D8CD98F00B204E9800998ECF8427E", IndicatorType.Md5, "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709", IndicatorType.Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", IndicatorType.Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Detects_refangs_and_normalizes(string raw, IndicatorType type, string normalized)
    {
        Assert.True(IndicatorValueParser.TryParse(raw, out var error, out var value), error);
        Assert.Equal(type, value.Type);
        Assert.Equal(normalized, value.Normalized);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("evil .com", "whitespace")]
    [InlineData("localhost", "two labels")]
    [InlineData("1.2.3.04", "numeric")]
    [InlineData("10.0.0.1/8", "10.0.0.0/8")]
    [InlineData("10.0.0.0/33", "prefix")]
    [InlineData("gopher://evil.com/", "scheme")]
    [InlineData("http://localhost/", "two labels")]
    [InlineData("-evil.com", "hyphen")]
    [InlineData("@evil.com", "name before")]
    [InlineData("xn--99999999999.com", "punycode")]
    [InlineData("http://xn--99999999999.com/", "punycode")]
    public void Refuses_bad_values_saying_why(string raw, string why)
    {
        Assert.False(IndicatorValueParser.TryParse(raw, out var error, out _));
        Assert.Contains(why, error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("evil.com", IndicatorType.Url, true)]
    [InlineData("http://evil.com/", IndicatorType.Domain, false)]
    [InlineData("1.2.3.4", IndicatorType.Domain, false)]
    [InlineData("abc", IndicatorType.Md5, false)]
    [InlineData("1.2.3.4", IndicatorType.Ipv6, false)]
    public void A_given_type_is_checked(string raw, IndicatorType type, bool valid)
    {
        Assert.Equal(valid, IndicatorValueParser.TryParse(raw, type, out var error, out var value));
        Assert.Equal(valid, error is null);
        if (valid)
        {
            Assert.Equal(type, value.Type);
        }
    }

    [Fact]
    public void Domains_are_mapped_by_the_one_idna_implementation()
    {
        var label = Gen.String[Gen.OneOf(Gen.Char["abcxn-1"], Gen.Char['\u00e0', '\u00ff'], Gen.Char['\u0430', '\u044f'], Gen.Char["\uff41\uff4d\u3002"]), 1, 12];
        Gen.Select(label, label, (a, b) => $"{a}.{b}.com").Sample(text =>
        {
            if (IndicatorValueParser.TryParse(text, IndicatorType.Domain, out _, out var value))
            {
                Assert.True(DomainNames.TryToAscii(text, out var ascii, out var problem), problem.Describe());
                Assert.Equal(ascii, value.Normalized);
            }
        });
    }

    [Fact]
    public void Never_throws_on_any_text()
    {
        var alphabet = Gen.OneOf(Gen.Char["abcxyz019.-"], Gen.Char["[]().@:/%#?=_ "], Gen.Char);
        Gen.String[alphabet, 0, 80].Sample(text =>
        {
            var ok = IndicatorValueParser.TryParse(text, out var error, out var value);
            Assert.True(ok ^ (error is not null));
            foreach (var type in Enum.GetValues<IndicatorType>())
            {
                IndicatorValueParser.TryParse(text, type, out _, out _);
            }

            return !ok || value.Normalized.Length > 0;
        });
    }

    [Fact]
    public void Parsing_a_normalized_value_again_gives_the_same_value()
    {
        var label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12];
        var domain = Gen.Select(label.Array[1, 4], Gen.Const("com"), (labels, tld) => string.Join('.', labels) + "." + tld);
        var ipv4 = Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, (a, b, c, d) => $"{a}.{b}.{c}.{d}");
        var url = Gen.Select(domain, Gen.String[Gen.Char["abcXYZ019/._-"], 0, 20], (host, path) => $"https://{host}/{path}");
        Gen.OneOf(domain, ipv4, url).Sample(raw =>
        {
            Assert.True(IndicatorValueParser.TryParse(raw, out var error, out var first), $"{raw}: {error}");
            Assert.True(IndicatorValueParser.TryParse(first.Normalized, out error, out var second), $"{first.Normalized}: {error}");
            Assert.Equal(first.Type, second.Type);
            Assert.Equal(first.Normalized, second.Normalized);
        });
    }
}
