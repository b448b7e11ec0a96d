using CsCheck;
using Rampart.Core.Names;

namespace Rampart.Core.Tests.Names;

public sealed class PunycodeTests
{
    [Theory]
    [InlineData("bücher", "bcher-kva")]
    [InlineData("münchen", "mnchen-3ya")]
    [InlineData("españa", "espaa-rta")]
    [InlineData("аррӏе", "80ak6aa92e")]
    [InlineData("日本語", "wgv71a119e")]
    [InlineData("한메일", "h32bq4voyk")]
    public void Encodes_and_decodes_known_labels(string unicode, string encoded)
    {
        Span<char> buffer = stackalloc char[64];
        Assert.Equal(PunycodeError.None, Punycode.TryEncode(unicode, buffer, out var written));
        Assert.Equal(encoded, buffer[..written].ToString());
        Assert.Equal(PunycodeError.None, Punycode.TryDecode(encoded, buffer, out written));
        Assert.Equal(unicode, buffer[..written].ToString());
    }

    [Theory]
    [InlineData("", PunycodeError.Empty)]
    [InlineData("abc-", PunycodeError.NotInternational)]
    [InlineData("bcher-KVA", PunycodeError.InvalidDigit)]
    [InlineData("BCHER-kva", PunycodeError.InvalidBasicCharacter)]
    [InlineData("bcher-kv", PunycodeError.Truncated)]
    [InlineData("99999999999", PunycodeError.Overflow)]
    [InlineData("b!cher-kva", PunycodeError.InvalidBasicCharacter)]
    [InlineData("a-9", PunycodeError.Truncated)]
    public void Refuses_invalid_encodings_with_a_reason(string encoded, PunycodeError expected)
    {
        Span<char> buffer = stackalloc char[64];
        var error = Punycode.TryDecode(encoded, buffer, out _);
        Assert.Equal(expected, error);
        Assert.NotEmpty(Punycode.Describe(error));
    }

    [Fact]
    public void Decoding_then_encoding_any_label_gives_it_back()
    {
        var letter = Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['0', '9'], Gen.Char['\u00e0', '\u00ff'], Gen.Char['\u0430', '\u044f'],
            Gen.Char['\uac00', '\ud7a3'], Gen.Char['\u4e00', '\u4fff']);
        Gen.String[letter, 1, 20].Where(s => s.Any(c => c >= 0x80)).Sample(label =>
        {
            Span<char> encoded = stackalloc char[64];
            Span<char> decoded = stackalloc char[64];
            var error = Punycode.TryEncode(label, encoded, out var length);
            if (error == PunycodeError.TooLong)
            {
                return;
            }

            Assert.Equal(PunycodeError.None, error);
            Assert.Equal(PunycodeError.None, Punycode.TryDecode(encoded[..length], decoded, out var decodedLength));
            Assert.Equal(label, decoded[..decodedLength].ToString());
        });
    }

    [Fact]
    public void Decoding_arbitrary_text_never_throws()
    {
        Gen.String[Gen.OneOf(Gen.Char["abcxyz0189-"], Gen.Char), 0, 80].Sample(text =>
        {
            Span<char> decoded = stackalloc char[64];
            var error = Punycode.TryDecode(text, decoded, out var written);
            Assert.True(error != PunycodeError.None || written > 0);
        });
    }
}
