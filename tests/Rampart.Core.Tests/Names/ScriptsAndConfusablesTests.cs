using Rampart.Core.Names;

namespace Rampart.Core.Tests.Names;

public sealed class ScriptsAndConfusablesTests
{
    [Theory]
    [InlineData("аpple", true)]
    [InlineData("gοogle", true)]
    [InlineData("apple", false)]
    [InlineData("яндекс", false)]
    [InlineData("日本語テスト", false)]
    [InlineData("한메일mail", false)]
    [InlineData("microsoft365", false)]
    public void Detects_labels_that_mix_scripts_a_real_name_would_not(string label, bool mixed) =>
        Assert.Equal(mixed, Scripts.IsMixed(Scripts.Used(label)));

    [Fact]
    public void Confusable_spellings_share_a_skeleton()
    {
        var confusables = Confusables.Default;
        Assert.True(confusables.Count > 5000);
        Assert.Equal(confusables.Skeleton("paypal"), confusables.Skeleton("раураl"));
        Assert.NotEqual(confusables.Skeleton("paypal"), confusables.Skeleton("paypai"));
    }

    [Fact]
    public void Reads_the_published_format()
    {
        var confusables = Confusables.Load(new StringReader("0430 ;\t0061 ;\tMA\t# ( а → a ) CYRILLIC SMALL LETTER A → LATIN SMALL LETTER A\n"));
        Assert.Equal("a", confusables.Prototype(0x430));
        Assert.Null(confusables.Prototype('a'));
    }
}
