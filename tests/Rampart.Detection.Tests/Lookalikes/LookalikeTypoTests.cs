using Rampart.Detection.Lookalikes;

namespace Rampart.Detection.Tests.Lookalikes;

/// <summary>Which one-edit typos count on short and generic brand names, and the brands' own infrastructure.</summary>
public sealed class LookalikeTypoTests
{
    private static readonly LookalikeEngine Engine = LookalikeEngine.CreateDefault();

    [Theory]
    [InlineData("love.com", "live.com")] // i→o: neighbouring keys
    [InlineData("lkve.com", "live.com")] // i→k: a flipped bit
    [InlineData("livve.com", "live.com")] // repetition
    [InlineData("lvie.com", "live.com")] // transposition
    [InlineData("lve.com", "live.com")] // omission
    [InlineData("livex.com", "live.com")] // added at the end
    [InlineData("offce.com", "office.com")]
    [InlineData("appel.net", "apple.com")]
    [InlineData("ucloud.com", "icloud.com")] // i→u: neighbouring keys
    [InlineData("kcloud.org", "icloud.com")] // i→k: neighbouring keys
    [InlineData("icloudd.com", "icloud.com")]
    [InlineData("icfloud.com", "icloud.com")] // the typo crosses the letters 'cl' that also read as 'd'
    [InlineData("icolud.com", "icloud.com")]
    public void Flags_slips_and_look_alike_letters_on_short_and_generic_names(string name, string imitates)
    {
        var result = Engine.Screen(name);
        Assert.True(result.IsFlagged, $"{name}: {result.Summary}");
        Assert.Contains(result.Findings, f => f.Imitates == imitates);
        AgreesOnTheHotPath(name);
    }

    [Theory]
    [InlineData("hicloud.com")] // a letter put before the name makes another word
    [InlineData("dcloud.net")] // an unrelated first letter
    [InlineData("kmail-lists.com")] // the same inside a combosquat
    [InlineData("lime.com")] // v→m is no slip on any keyboard
    [InlineData("alive.net")]
    [InlineData("olive.com")]
    [InlineData("appier.net")] // a fold (i for l) and an edit: two changes to a short common word
    public void Does_not_count_an_unrelated_first_letter_or_an_arbitrary_edit_on_a_short_name(string name)
    {
        var result = Engine.Screen(name);
        Assert.False(result.IsFlagged, $"{name}: {result.Summary}");
        AgreesOnTheHotPath(name);
    }

    [Theory]
    [InlineData("livecom.com", "live.com")]
    [InlineData("officecom.net", "office.com")]
    public void Flags_a_generic_brand_domain_written_without_its_dot(string name, string imitates)
    {
        var result = Engine.Screen(name);
        Assert.True(result.IsFlagged, $"{name}: {result.Summary}");
        Assert.Contains(result.Findings, f => f.Imitates == imitates && f.Reason.Contains("without its dot", StringComparison.Ordinal));
        AgreesOnTheHotPath(name);
    }

    [Theory]
    [InlineData("east.edge.storage-yahoo.jp")]
    [InlineData("clientconfig.microsoftonline-p.net")]
    [InlineData("login.partner.microsoftonline.cn")]
    [InlineData("www.google.eu")]
    [InlineData("itunes.apple.com.w.cdngslb.com")]
    [InlineData("nid.naver.com.nheos.com")]
    public void Leaves_more_of_the_brands_own_and_their_cdn_names_alone(string name) =>
        Assert.Equal(LookalikeLevel.Allowlisted, Engine.Screen(name).Level);

    [Theory]
    [InlineData("ħotmail.com", "hotmail.com")] // a letter with a stroke: no decomposition, no confusable prototype
    [InlineData("ɢooɢłe.com", "google.com")] // small capitals and a barred l
    [InlineData("ɫĭve.com", "live.com")]
    [InlineData("dâunn.net", "daum.net")] // a Unicode letter beside 'nn' for 'm'
    [InlineData("kalcǎo.com", "kakao.com")] // 'lc' for 'k'
    [InlineData("gməiɫ.com", "gmail.com")]
    public void Flags_unicode_look_alikes_that_decomposition_does_not_reach(string name, string imitates)
    {
        var result = Engine.Screen(name);
        Assert.True(result.IsFlagged, $"{name}: {result.Summary}");
        Assert.Contains(result.Findings, f => f.Imitates == imitates && f.Technique == LookalikeTechnique.Homoglyph);
        AgreesOnTheHotPath(name);
    }

    [Theory]
    [InlineData("lkakao.com", "kakao.com")] // 'lk' for 'k'
    [InlineData("daunn.net", "daum.net")] // 'nn' for 'm'
    [InlineData("qrrail.com", "gmail.com")] // 'q' for 'g', 'rr' for 'm'
    [InlineData("lhotmail.com", "hotmail.com")] // 'lh' for 'h'
    public void Flags_ascii_look_alike_letters_the_skeleton_keeps_apart(string name, string imitates)
    {
        var result = Engine.Screen(name);
        Assert.True(result.IsFlagged, $"{name}: {result.Summary}");
        Assert.Contains(result.Findings, f => f.Imitates == imitates);
        AgreesOnTheHotPath(name);
    }

    [Theory]
    [InlineData("münchen.de")]
    [InlineData("bücher.com")]
    [InlineData("ħello.com")]
    public void Leaves_ordinary_unicode_names_alone(string name) =>
        Assert.False(Engine.Screen(name).IsFlagged, name);

    private static void AgreesOnTheHotPath(string name)
    {
        var full = Engine.Screen(name);
        var level = Engine.Screen(name.AsSpan(), out _);
        Assert.True(full.IsFlagged ? level == full.Level : level is LookalikeLevel.Clean or LookalikeLevel.Allowlisted, $"{name}: {full.Level} explained, {level} on the hot path");
    }
}
