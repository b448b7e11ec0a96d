using CsCheck;
using Rampart.Detection.Lookalikes;

namespace Rampart.Detection.Tests.Lookalikes;

public sealed class PrimitivesTests
{
    [Theory]
    [InlineData("hotrnall", "hotmall")]
    [InlineData("dovvn", "down")]
    [InlineData("cloud", "doud")]
    [InlineData("g00g1e", "googie")]
    public void Folds_ascii_glyph_tricks(string text, string expected)
    {
        var expectedFolded = expected.Replace('i', 'l');
        Assert.Equal(expectedFolded, GlyphSkeleton.Fold(text).Skeleton);
    }

    [Fact]
    public void The_skeleton_map_points_back_at_the_source()
    {
        var (skeleton, map) = GlyphSkeleton.Fold("hotrnall");
        Assert.Equal('m', skeleton[3]);
        Assert.Equal(3, map[3]);
        Assert.Equal(5, map[4]);
        Assert.Equal(8, map[^1]);
    }

    [Theory]
    [InlineData("microsoft", "microsoft", 0)]
    [InlineData("mircosoft", "microsoft", 1)]
    [InlineData("microsft", "microsoft", 1)]
    [InlineData("mmicrosoft", "microsoft", 1)]
    [InlineData("nicrosoft", "microsoft", 1)]
    [InlineData("mcrsoft", "microsoft", 2)]
    [InlineData("apple", "google", 3)]
    public void Counts_damerau_levenshtein_edits_up_to_a_bound(string a, string b, int expected) =>
        Assert.Equal(Math.Min(expected, 3), EditDistance.Bounded(a, b, 2));

    [Fact]
    public void Edit_distance_is_symmetric_and_zero_only_for_equal_strings()
    {
        var word = Gen.String[Gen.Char["abcm"], 0, 8];
        Gen.Select(word, word).Sample((a, b) =>
        {
            var d = EditDistance.Bounded(a, b, 3);
            Assert.Equal(d, EditDistance.Bounded(b, a, 3));
            Assert.Equal(a == b, d == 0);
        });
    }

    [Fact]
    public void The_ascii_letter_mask_is_the_letter_mask_of_ascii_text()
    {
        Assert.Equal(LetterMask.Of("a-z0_."), LetterMask.OfAscii("a-z0_."));
        Gen.String[Gen.Char[(char)0, (char)127], 0, 70].Sample(text =>
        {
            Assert.Equal(LetterMask.Of(text), LetterMask.OfAscii(text));
            Assert.All(text, c => Assert.Equal(LetterMask.IndexOf(c), LetterMask.IndexOfAscii(c)));
        });
    }
}
