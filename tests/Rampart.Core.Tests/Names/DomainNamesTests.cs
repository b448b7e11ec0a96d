using CsCheck;
using Rampart.Core.Names;

namespace Rampart.Core.Tests.Names;

public sealed class DomainNamesTests
{
    [Theory]
    [InlineData("Example.COM.", "example.com")]
    [InlineData("Bücher.de", "xn--bcher-kva.de")]
    [InlineData("ｈａｎｍａｉｌ。net", "hanmail.net")]
    [InlineData("аррӏе.com", "xn--80ak6aa92e.com")]
    [InlineData("XN--BCHER-KVA.de", "xn--bcher-kva.de")]
    [InlineData("r3---sn-abc.googlevideo.com", "r3---sn-abc.googlevideo.com")]
    [InlineData("soft\u00ADhyphen.com", "softhyphen.com")]
    public void Maps_names_to_their_ascii_form(string input, string expected)
    {
        Assert.True(DomainNames.TryToAscii(input, out var ascii, out var problem), problem.Describe());
        Assert.Equal(expected, ascii);
    }

    [Theory]
    [InlineData("", DomainNameError.Empty)]
    [InlineData("a..b", DomainNameError.EmptyLabel)]
    [InlineData("bad\u0001name.com", DomainNameError.ControlCharacter)]
    [InlineData("has space.com", DomainNameError.InvalidCharacter)]
    [InlineData("xn--abc-.com", DomainNameError.InvalidPunycode)]
    [InlineData("xn--99999999999.com", DomainNameError.InvalidPunycode)]
    [InlineData("http://a.com/", DomainNameError.InvalidCharacter)]
    public void Refuses_what_is_not_a_host_name_with_a_reason(string input, DomainNameError expected)
    {
        Assert.False(DomainNames.TryToAscii(input, out _, out var problem));
        Assert.Equal(expected, problem.Error);
        Assert.NotEqual("valid", problem.Describe());
    }

    [Fact]
    public void Refuses_a_label_of_300_characters()
    {
        Assert.False(DomainNames.TryToAscii(new string('a', 300) + ".com", out _, out var problem));
        Assert.Equal(DomainNameError.LabelTooLong, problem.Error);
    }

    [Fact]
    public void Refuses_a_name_longer_than_253_characters()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 5));
        Assert.False(DomainNames.TryToAscii(name, out _, out var problem));
        Assert.Equal(DomainNameError.NameTooLong, problem.Error);
    }

    [Fact]
    public void Shows_punycode_labels_in_their_unicode_form() =>
        Assert.Equal("аррӏе.com", DomainNames.ToUnicode("xn--80ak6aa92e.com"));

    [Fact]
    public void Mapping_arbitrary_text_never_throws_and_valid_output_maps_to_itself()
    {
        Gen.String[Gen.OneOf(Gen.Char["abc.-xn1"], Gen.Char['\u00e0', '\u00ff'], Gen.Char), 0, 60].Sample(text =>
        {
            if (DomainNames.TryToAscii(text, out var ascii, out _))
            {
                Assert.True(DomainNames.TryToAscii(ascii, out var again, out var problem), problem.Describe());
                Assert.Equal(ascii, again);
            }
        });
    }
}
