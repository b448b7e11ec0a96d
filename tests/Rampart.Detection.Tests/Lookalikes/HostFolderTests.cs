using System.Text;
using CsCheck;
using Rampart.Core.Names;
using Rampart.Detection.Lookalikes;

namespace Rampart.Detection.Tests.Lookalikes;

/// <summary>
/// The prefilter's one-pass fold must mean what the separate steps it replaces mean: the host that
/// <see cref="DomainNames.TryToAscii(ReadOnlySpan{char}, Span{char}, out int, out DomainNameProblem)"/> gives,
/// each label's <see cref="GlyphSkeleton"/> fold without hyphens, and letter masks of both.
/// </summary>
public sealed class HostFolderTests
{
    private static readonly string[] GramWords = ["mlcrosoft", "hotmall", "doud", "naver", "o365"];
    private static readonly ulong[] Grams = GramsOf(GramWords);
    private static readonly QuickSets Sets = new(SetBits);

    private static readonly Gen<string> Names = Gen.OneOf(
        Gen.String[Gen.OneOf(Gen.Char["abcdilmnorsuvwxyz01-._"], Gen.Char["RNVCLXA9_-."], Gen.Char["\u00e9\u0430 /\t*"]), 0, 40],
        Gen.Select(Gen.String[Gen.Char["rnvcl01-"], 1, 8], Gen.String[Gen.Char["nvlxo-"], 1, 8], Gen.OneOf(Gen.Const(".com"), Gen.Const(".co.uk"), Gen.Const(".")),
            (a, b, s) => a + "." + b + s),
        Gen.Select(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 60, 66], n => n + ".com"));

    [Theory]
    [InlineData("Hotrnall.COM", "hotrnall.com", "hotmallcom")]
    [InlineData("dovvn-mail.com.", "dovvn-mail.com", "downmallcom")]
    [InlineData("my_host.g00g1e.net", "my_host.g00g1e.net", "my_hostgooglenet")]
    public void Lowers_a_plain_name_and_folds_it_without_separators(string input, string host, string skeleton)
    {
        var (ok, lowered, joined, _, _) = Fold(input);
        Assert.True(ok);
        Assert.Equal(host, lowered);
        Assert.Equal(skeleton, joined);
    }

    [Theory]
    [InlineData("xn--80ak6aa92e.com")]
    [InlineData("abxn--c.com")]
    [InlineData("a..b.com")]
    [InlineData("bücher.de")]
    [InlineData("two words.com")]
    [InlineData("")]
    public void Leaves_punycode_unicode_and_malformed_names_to_the_general_path(string input) =>
        Assert.False(Fold(input).Ok);

    /// <summary>The quick fold reads a name eight or sixteen characters at a time, the last read ending at the name's end.</summary>
    [Fact]
    public void The_quick_fold_sees_a_non_ascii_character_at_any_position_of_any_length()
    {
        var host = new char[DomainNames.MaxNameLength];
        var skeleton = new char[HostFolder.QuickMaxLength];
        var setPositions = new ulong[QuickSets.Count];
        for (var length = 2; length <= HostFolder.QuickMaxLength; length++)
        {
            var plain = string.Concat(Enumerable.Range(0, length).Select(i => (i + 1) % 7 == 0 && i + 2 < length ? '.' : (char)('a' + (i % 5))));
            Assert.NotEqual(QuickFold.NotQuick, HostFolder.TryFoldQuick(plain, host, skeleton, Grams, Sets, setPositions, out var written, out _));
            Assert.Equal(plain, new string(host, 0, written));
            foreach (var odd in new[] { '\u00e9', '\u0430', '\u0100', '\uff0e' })
            {
                for (var at = 0; at < length; at++)
                {
                    var name = plain[..at] + odd + plain[(at + 1)..];
                    Assert.True(HostFolder.TryFoldQuick(name, host, skeleton, Grams, Sets, setPositions, out _, out _) == QuickFold.NotQuick, $"'{name}' ({length}, {at})");
                }
            }
        }
    }

    [Fact]
    public void Agrees_with_TryToAscii_and_the_label_folds_on_any_input()
    {
        Names.Sample(input =>
        {
            var (ok, host, joined, labels, folded) = Fold(input);
            Span<char> buffer = stackalloc char[DomainNames.MaxNameLength];
            var ascii = DomainNames.TryToAscii(input, buffer, out var written, out _);
            var plain = ascii && input.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !input.Contains("xn--", StringComparison.OrdinalIgnoreCase)
                && buffer[..written].Count('.') < HostFolder.MaxLabels;
            Assert.True(ok == plain, $"'{input}': folded {ok}, plain ASCII host {plain}");
            if (!ok)
            {
                return;
            }

            Assert.Equal(buffer[..written].ToString(), host);
            var parts = host.Split('.');
            Assert.Equal(parts.Length, labels.Length);
            var skeletons = parts.Select(p => GlyphSkeleton.Fold(p).Skeleton.Replace("-", "", StringComparison.Ordinal)).ToArray();
            Assert.Equal(string.Concat(skeletons), joined);
            var start = 0;
            var end = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                end += skeletons[i].Length;
                Assert.Equal(new FoldedLabel(start, start + parts[i].Length, end, LetterMask.Of(skeletons[i]), LetterMask.Of(parts[i])), labels[i]);
                start += parts[i].Length + 1;
            }

            Assert.Equal(parts.Any(p => p.Contains('-')), (folded.Signs & FoldSigns.Hyphen) != 0);
            var strong = host.AsSpan().ContainsAny('0', '1') || parts.Any(p => GlyphSkeleton.Fold(p).Skeleton.Length < p.Length);
            Assert.Equal(strong, (folded.Signs & FoldSigns.StrongFold) != 0);
            var acrossDot = Enumerable.Range(1, Math.Max(0, host.Length - 2)).Any(d => host[d] == '.' && GlyphSkeleton.Pair(host[d - 1], host[d + 1]) != '\0');
            Assert.Equal(acrossDot, (folded.Signs & FoldSigns.FoldAcrossDot) != 0);
            // The fold may test a gram a pair then replaces, never miss one the skeleton has.
            if (Enumerable.Range(0, Math.Max(0, joined.Length - 2)).Any(j => GramWords.Any(w => w.AsSpan(0, 3).SequenceEqual(joined.AsSpan(j, 3)))))
            {
                Assert.True(folded.GramHit, $"'{input}': a gram of '{joined}' was missed");
            }
        });
    }

    /// <summary>
    /// The quick fold must mean what the full fold means on every name it takes (the same lowered host,
    /// each label's skeleton in place, the dots, the gram test), and take every short plain name
    /// without hyphens, glyph pairs and one-letter labels (or the hot path would lose its speed unseen).
    /// </summary>
    [Fact]
    public void The_quick_fold_agrees_with_the_full_fold_and_takes_every_plain_name()
    {
        var plainish = Gen.Select(Gen.String[Gen.Char["abcdilmnorsuvwxyzABC01239_"], 1, 14].Array[1, 6], Gen.OneOf(Gen.Const(""), Gen.Const(".")),
            (labels, end) => string.Join('.', labels) + end);
        Gen.OneOf(Names, plainish, Gen.String[Gen.Char["ab.-_"], 0, 70]).Sample(QuickAgrees, iter: 20_000);
        foreach (var name in new[] { "a.bc.com", "ab.c.com", "ab.cd.e", "x.y.z", "hotr.nail.com", "h0trnall.com", "ab..cd.com", ".ab.com", new string('a', 64), new string('a', 65) })
        {
            QuickAgrees(name);
        }
    }

    private static void QuickAgrees(string input)
    {
        var host = new char[DomainNames.MaxNameLength];
        var skeleton = new char[HostFolder.QuickMaxLength];
        var setPositions = new ulong[QuickSets.Count];
        var quick = HostFolder.TryFoldQuick(input, host, skeleton, Grams, Sets, setPositions, out var length, out var dots);
        var (ok, fullHost, joined, labels, folded) = Fold(input);
        var plain = ok && (folded.Signs & (FoldSigns.Hyphen | FoldSigns.FoldAcrossDot)) == 0 && joined.Length + labels.Length - 1 == fullHost.Length
            && labels.All(l => l.End - l.Start >= 2) && fullHost.Length <= HostFolder.QuickMaxLength;
        if (quick == QuickFold.NotQuick)
        {
            Assert.False(plain, $"'{input}': plain, but the quick fold did not take it");
            return;
        }

        if (!ok)
        {
            // The quick fold leaves label lengths and counts to its caller, which refuses the name then.
            var parts = (input.Length > 1 && input[^1] == '.' ? input[..^1] : input).Split('.');
            Assert.True(parts.Length > HostFolder.MaxLabels || parts.Any(p => p.Length is 0 or > DomainNames.MaxLabelLength), $"'{input}': folded quickly, refused by the full fold");
            return;
        }

        // A gram hit is folded as fully as a name without one: the prefilter builds the full fold's labels from it.
        Assert.Equal(folded.GramHit, quick == QuickFold.GramHit);
        Assert.Equal(fullHost, new string(host, 0, length));
        Assert.Equal(joined, string.Concat(Enumerable.Range(0, length).Where(i => host[i] != '.').Select(i => skeleton[i])));
        Assert.Equal(Enumerable.Range(0, length).Where(i => host[i] == '.').Aggregate(0UL, (bits, i) => bits | (1UL << i)), dots);
        for (var set = 0; set < QuickSets.Count; set++)
        {
            Assert.Equal(Enumerable.Range(0, length).Where(i => host[i] != '.' && ((SetBits(host[i]) >> set) & 1) != 0).Aggregate(0UL, (bits, i) => bits | (1UL << i)), setPositions[set]);
        }
    }

    private static (bool Ok, string Host, string Joined, FoldedLabel[] Labels, FoldedHost Folded) Fold(string input)
    {
        var host = new char[DomainNames.MaxNameLength];
        var joined = new char[DomainNames.MaxNameLength];
        var labels = new FoldedLabel[HostFolder.MaxLabels];
        var ok = HostFolder.TryFold(input, host, joined, labels, Grams, out var folded);
        return (ok, new string(host, 0, folded.HostLength), new string(joined, 0, folded.SkeletonLength), labels[..folded.LabelCount], folded);
    }

    /// <summary>Eight arbitrary sets for the quick fold to locate.</summary>
    private static byte SetBits(char c) => (byte)((c * 37) ^ (c >> 3));

    private static ulong[] GramsOf(IEnumerable<string> words)
    {
        var grams = new ulong[(HostFolder.GramCount + 63) / 64];
        foreach (var word in words)
        {
            var code = HostFolder.Gram(word[0], word[1], word[2]);
            grams[code >> 6] |= 1UL << code;
        }

        return grams;
    }
}
