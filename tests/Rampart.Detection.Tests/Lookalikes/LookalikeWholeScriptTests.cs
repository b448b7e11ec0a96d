using CsCheck;
using Rampart.Detection.Lookalikes;

namespace Rampart.Detection.Tests.Lookalikes;

/// <summary>
/// Whole-script lookalikes (a Latin brand written entirely in Cyrillic letters) and glyphs of glyphs
/// (a 'k' written as 'lk', then its 'l' as 'il'): both caught by rule, for every brand, not by name.
/// </summary>
public sealed class LookalikeWholeScriptTests
{
    private static readonly LookalikeEngine Engine = LookalikeEngine.CreateDefault();

    /// <summary>
    /// Cyrillic letters that pass for Latin ones in lower case, as phishers and dnstwist's Cyrillic
    /// fuzzer use them; several for some letters (h: һ and н, b: ь and в).
    /// </summary>
    private static readonly Dictionary<char, string[]> Cyrillic = new()
    {
        ['a'] = ["а"],
        ['b'] = ["ь"],
        ['c'] = ["с"],
        ['d'] = ["ԁ"],
        ['e'] = ["е"],
        ['g'] = ["ԍ"],
        ['h'] = ["һ", "н"],
        ['i'] = ["і"],
        ['j'] = ["ј"],
        ['k'] = ["к"],
        ['l'] = ["ӏ"],
        ['m'] = ["м"],
        ['o'] = ["о"],
        ['p'] = ["р"],
        ['q'] = ["ԛ"],
        ['s'] = ["ѕ"],
        ['t'] = ["т"],
        ['v'] = ["ѵ"],
        ['w'] = ["ԝ"],
        ['x'] = ["х"],
        ['y'] = ["у"],
    };

    [Theory]
    [InlineData("какао.com", "kakao.com")]
    [InlineData("һотмаіӏ.com", "hotmail.com")]
    [InlineData("ԍмаіӏ.com", "gmail.com")]
    [InlineData("ԍооԍӏе.com", "google.com")]
    public void Flags_a_brand_written_wholly_in_cyrillic(string name, string imitates)
    {
        var result = Engine.Screen(name);
        Assert.True(result.IsFlagged, $"{name}: {result.Summary}");
        Assert.Contains(result.Findings, f => f.Technique == LookalikeTechnique.Homoglyph && f.Imitates == imitates);
    }

    /// <summary>Every default brand name whose letters all have a Cyrillic lookalike, written so, under any suffix.</summary>
    [Fact]
    public void Flags_every_brand_name_whose_letters_all_have_cyrillic_lookalikes()
    {
        var names = Engine.Brands.SelectMany(b => b.Names)
            .Where(n => !n.Generic && n.Label.All(Cyrillic.ContainsKey))
            .ToArray();
        Assert.NotEmpty(names);
        var suffix = Gen.OneOf(Gen.Const("com"), Gen.Const("net"), Gen.Const("ru"), Gen.Const("xyz"));
        Gen.Select(Gen.Int[0, names.Length - 1], Gen.Int, suffix, (i, seed, s) => (Name: names[i], Seed: seed, Suffix: s))
            .Sample(t =>
            {
                var random = new Random(t.Seed);
                var written = string.Concat(t.Name.Label.Select(c => Cyrillic[c][random.Next(Cyrillic[c].Length)]));
                var result = Engine.Screen($"{written}.{t.Suffix}");
                Assert.True(result.IsFlagged, $"{written}.{t.Suffix} ({t.Name.Label}): {result.Summary}");
                Assert.Contains(result.Findings, f => f.Imitates == t.Name.Domain);
                Assert.Equal(result.Level, Engine.Screen($"{written}.{t.Suffix}".AsSpan(), out _));
            }, iter: 500);
    }

    [Theory]
    [InlineData("москва.рф")]
    [InlineData("яндекс.ru")]
    [InlineData("новости.com")]
    [InlineData("сбербанк.ru")]
    [InlineData("привет.net")]
    public void Leaves_ordinary_cyrillic_words_alone(string name) =>
        Assert.Equal(LookalikeLevel.Clean, Engine.Screen(name).Level);

    [Theory]
    [InlineData("ilkakao.com")]
    [InlineData("iikakao.com")]
    [InlineData("likakao.com")]
    [InlineData("llkakao.com")]
    public void Flags_a_glyph_written_with_a_glyph(string name)
    {
        var result = Engine.Screen(name);
        Assert.True(result.IsFlagged, $"{name}: {result.Summary}");
        Assert.Equal(result.Level, Engine.Screen(name.AsSpan(), out _));
    }

    /// <summary>
    /// The loose fold reaches a fixed point: a 'k' written as 'lk' or 'ik' any number of times, or a
    /// 'd' as 'cl' then 'dl', folds to the brand's loose skeleton.
    /// </summary>
    [Fact]
    public void The_loose_skeleton_folds_stacked_glyphs_to_the_brands()
    {
        var labels = Engine.Brands.SelectMany(b => b.Names).Select(n => n.Label).Where(l => l.Contains('k', StringComparison.Ordinal) || l.Contains('d', StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(labels);
        Gen.Select(Gen.Int[0, labels.Length - 1], Gen.Int[1, 3], Gen.OneOf(Gen.Const("l"), Gen.Const("i"), Gen.Const("1")), (i, times, stroke) => (Label: labels[i], Times: times, Stroke: stroke))
            .Sample(t =>
            {
                var written = t.Label;
                for (var n = 0; n < t.Times; n++)
                {
                    written = written.Replace("k", t.Stroke + "k", StringComparison.Ordinal).Replace("d", "cl", StringComparison.Ordinal);
                }

                Assert.Equal(GlyphSkeleton.Loose(t.Label), GlyphSkeleton.Loose(written));
            }, iter: 300);
    }
}
