using CsCheck;
using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

/// <summary>Session and token ids are read without a string per record; they must read as their text always did.</summary>
public sealed class AccessIdTests
{
    [Theory]
    [InlineData("4aa4ff0b-6917-0081-89ce-bf6226060dc8")]
    [InlineData("4AA4FF0B-6917-0081-89CE-BF6226060DC8")]
    [InlineData(" 4aa4ff0b-6917-0081-89ce-bf6226060dc8 ")]
    [InlineData("{4aa4ff0b-6917-0081-89ce-bf6226060dc8}")]
    [InlineData("4aa4ff0b691700818 9cebf6226060dc8")]
    [InlineData("session-1")]
    [InlineData(" null ")]
    public void An_id_keeps_its_trimmed_text(string text)
    {
        var id = AccessId.Of(text);

        Assert.True(id.HasValue);
        Assert.Equal(text.Trim(), id.Text);
        Assert.Equal(text.Trim(), id.Chars(new char[AccessId.GuidChars]).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("null")]
    [InlineData("<null>")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{00000000-0000-0000-0000-000000000000}")]
    public void Blank_null_and_all_zero_ids_are_none(string text) => Assert.False(AccessId.Of(text).HasValue);

    [Fact]
    public void Ids_read_as_their_text_and_are_equal_when_their_texts_are()
    {
        var guid = Gen.Guid.Select(g => g.ToString());
        var text = Gen.OneOf(guid, guid.Select(g => g.ToUpperInvariant()), guid.Select(g => " " + g), Gen.String[Gen.Char["0-abc {}null<>"], 0, 40]);
        Gen.Select(text, text).Sample((a, b) =>
        {
            var (x, y) = (AccessId.Of(a), AccessId.Of(b));
            Assert.Equal(Expected(a), x.HasValue ? x.Text : null);
            Assert.Equal(Expected(a) is { } ea && ea == Expected(b), x.HasValue && x == y);
        }, iter: 20_000);
    }

    /// <summary>What the reader kept before: the text as <c>EventFields.NonEmpty</c> reads it, an all-zero GUID none.</summary>
    private static string? Expected(string text) =>
        string.IsNullOrWhiteSpace(text) || text is "<null>" or "null" || (Guid.TryParse(text.Trim(), out var g) && g == Guid.Empty) ? null : text.Trim();
}
