using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using Rampart.Core.Names;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// The prefilter that lets a clean name go after one fold, one pass and a few vectorized searches,
/// on the stack. It is exact in one direction: it passes every name on which <see cref="Explain"/>
/// could find anything (each rule below names the check it stands for), so it never hides a finding;
/// the tests compare it with the unfiltered screen. Of random names it passes about one in a thousand.
/// </summary>
public sealed partial class LookalikeEngine
{
    /// <summary>More labels than a 253-character name can have (127), so the label table never overflows.</summary>
    private const int MaxLabels = 128;

    /// <summary>Three letters of 38 kinds (<see cref="LetterMask"/>): 54,872 codes, a 6.9 KB bitset.</summary>
    private const int GramCount = LetterMask.Size * LetterMask.Size * LetterMask.Size;

    private readonly Prefilter _prefilter;

    [SkipLocalsInit]
    private bool MayImitate(ReadOnlySpan<char> host)
    {
        // Punycode goes to the full check: mixed scripts and homoglyphs need the Unicode form.
        if (host.Contains(Core.Names.Punycode.Prefix, StringComparison.Ordinal))
        {
            return true;
        }

        // One pass folds the name as GlyphSkeleton does, label by label (no fold crosses a dot or a
        // hyphen), into its skeleton without separators, with each label's end and letter mask.
        Span<char> buffer = stackalloc char[host.Length];
        Span<int> ends = stackalloc int[MaxLabels];
        Span<ulong> masks = stackalloc ulong[MaxLabels];
        var n = 0;
        var labels = 0;
        ulong mask = 0;
        var hyphens = false;
        var strongFold = false;
        var foldAcrossDot = false;
        var gram = 0;
        var gramHit = _prefilter.ShortWords;
        var firstGrams = _prefilter.FirstGrams;
        for (var i = 0; i < host.Length; i++)
        {
            var c = host[i];
            if (c == '.')
            {
                // The dot-split check folds two labels joined: hotr.nail reads "hotrnail".
                foldAcrossDot |= i > 0 && i + 1 < host.Length && GlyphSkeleton.Pair(host[i - 1], host[i + 1]) != '\0';
                ends[labels] = n;
                masks[labels++] = mask;
                mask = 0;
                continue;
            }

            if (c == '-')
            {
                hyphens = true;
                continue;
            }

            if (i + 1 < host.Length && GlyphSkeleton.Pair(c, host[i + 1]) is var pair and not '\0')
            {
                c = pair;
                strongFold = true;
                i++;
            }
            else
            {
                strongFold |= c is '0' or '1';
                c = GlyphSkeleton.Single(c);
            }

            buffer[n++] = c;
            var index = LetterMask.IndexOf(c);
            mask |= 1UL << index;
            // Any brand skeleton inside the name starts with one of the brands' first three letters.
            gram = ((gram * LetterMask.Size) + index) % GramCount;
            gramHit |= n >= 3 && (firstGrams[gram >> 6] & (1UL << gram)) != 0;
        }

        ends[labels] = n;
        masks[labels++] = mask;
        var joined = buffer[..n];
        var p = _prefilter;

        // Same skeleton, TLD swap, brand token, glued to words, hyphenation, dot-split, the brand's
        // domain in a subdomain: the brand's skeleton is inside the name's, separators removed.
        if (gramHit && joined.IndexOfAny(p.Distinctive) >= 0)
        {
            return true;
        }

        if (gramHit && joined.IndexOfAny(p.Generic) is var generic and >= 0 && GenericMayCount(host, joined, generic, ends[..labels]))
        {
            return true;
        }

        // A typo of a whole label. Hyphens only add edits, so the label without them is as close.
        var start = 0;
        for (var l = 0; l < labels; l++)
        {
            var label = joined[start..ends[l]];
            if (label.Length < p.TyposByLength.Length && NearTypo(label, masks[l], p.TyposByLength[label.Length]))
            {
                return true;
            }

            start = ends[l];
        }

        return LooseMayMatch(host)
            || (hyphens && HyphenatedMayImitate(host))
            || (strongFold && joined.IndexOfAny(p.Disguised) >= 0 && DisguisedWord(host))
            || (foldAcrossDot && FoldsAcrossADot(host));
    }

    /// <summary>
    /// A generic name or keyword (live, office, o365) counts as a glyph trick or hyphenation of a
    /// whole label or of two labels split by a dot, its domain in a subdomain or written without its
    /// dot (livecom), next to account wording, or beside a second brand token.
    /// </summary>
    private bool GenericMayCount(ReadOnlySpan<char> host, ReadOnlySpan<char> joined, int at, ReadOnlySpan<int> ends)
    {
        var p = _prefilter;
        // Account wording anywhere (no brand term counts as wording: owa is a brand token), or another brand.
        if (joined.IndexOfAny(p.Words) >= 0 || joined[(at + 1)..].IndexOfAny(p.Generic) >= 0 || joined.IndexOfAny(p.GluedDomains) >= 0)
        {
            return true;
        }

        var start = 0;
        for (var l = 0; l < ends.Length; l++)
        {
            // The label itself, or it joined with the next: dnstwist's dot-split of a generic name
            // (out.look.net) is found on the two labels joined, where no fold need cross the dot.
            if (p.GenericSkeletons.Contains(joined[start..ends[l]])
                || (l + 1 < ends.Length && p.TypoSkeletons.Contains(joined[start..ends[l + 1]])))
            {
                return true;
            }

            start = ends[l];
        }

        foreach (var domain in p.GenericDomains)
        {
            if (host.Contains(domain, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A label whose loose skeleton is a brand's (lkakao, daunn): only labels of a length a brand's can have.</summary>
    private bool LooseMayMatch(ReadOnlySpan<char> host)
    {
        var p = _prefilter;
        Span<char> loose = stackalloc char[DomainNames.MaxLabelLength];
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.Length >= p.LooseMinLength && label.Length <= p.LooseMaxLength
                && p.LooseSkeletons.Contains(loose[..GlyphSkeleton.Loose(label, loose)]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What only a hyphen makes possible: a typo of a token of five letters or more
    /// (my-sharepoints), and credential wording alone (change-pw, verify-account).
    /// </summary>
    private bool HyphenatedMayImitate(ReadOnlySpan<char> host)
    {
        Span<char> skeleton = stackalloc char[host.Length];
        Span<int> map = stackalloc int[host.Length + 1];
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (!label.Contains('-'))
            {
                continue;
            }

            var folded = skeleton[..GlyphSkeleton.Fold(label, skeleton, map)];
            foreach (var part in folded.Split('-'))
            {
                var token = folded[part];
                if (token.Length >= 5 && NearTypo(token, LetterMask.Of(token), _prefilter.TokenTypos))
                {
                    return true;
                }
            }

            var tokens = 0;
            foreach (var part in label.Split('-'))
            {
                var token = label[part];
                if (!_credential.Contains(token) && (token.IsEmpty || token.ContainsAnyExceptInRange('0', '9')))
                {
                    tokens = 0;
                    break;
                }

                tokens++;
            }

            if (tokens >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool NearTypo(ReadOnlySpan<char> unit, ulong mask, TypoTarget[] targets)
    {
        foreach (ref readonly var target in targets.AsSpan())
        {
            // Length within the budget, then no more brand letters missing than edits allowed.
            if ((uint)(unit.Length - target.Length + target.MaxEdits) <= (uint)(2 * target.MaxEdits)
                && BitOperations.PopCount(target.Mask & ~mask) <= target.MaxEdits
                && EditDistance.Bounded(unit, target.Skeleton, target.MaxEdits) <= target.MaxEdits)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A glyph trick on a lure word (dovvn-mail): a token whose skeleton is a lure word's.</summary>
    private bool DisguisedWord(ReadOnlySpan<char> host)
    {
        Span<char> skeleton = stackalloc char[host.Length];
        Span<int> map = stackalloc int[host.Length + 1];
        var folded = skeleton[..GlyphSkeleton.Fold(host, skeleton, map)];
        foreach (var range in folded.SplitAny('.', '-'))
        {
            if (_disguised.Contains(folded[range]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The dot-split check folds two labels joined (hotr.nail reads "hotrnail"): only then can a fold cross a dot.</summary>
    private bool FoldsAcrossADot(ReadOnlySpan<char> host)
    {
        Span<char> pair = stackalloc char[host.Length];
        Span<char> folded = stackalloc char[host.Length];
        Span<int> map = stackalloc int[host.Length + 1];
        for (var dot = 1; dot + 1 < host.Length; dot++)
        {
            if (host[dot] != '.' || GlyphSkeleton.Pair(host[dot - 1], host[dot + 1]) == '\0')
            {
                continue;
            }

            var before = host[(host[..dot].LastIndexOf('.') + 1)..dot];
            var after = host[(dot + 1)..];
            after = after.IndexOf('.') is var end and >= 0 ? after[..end] : after;
            var n = Strip(before, pair);
            n += Strip(after, pair[n..]);
            if (_prefilter.TypoSkeletons.Contains(folded[..GlyphSkeleton.Fold(pair[..n], folded, map)]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Strip(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is not '.' and not '-')
            {
                into[n++] = c;
            }
        }

        return n;
    }

    /// <summary>A brand term compiled for the typo loop: flat fields, no indirection.</summary>
    private readonly record struct TypoTarget(string Skeleton, int Length, int MaxEdits, ulong Mask);

    /// <summary>What <see cref="MayImitate"/> searches for, built once from the brands.</summary>
    private sealed class Prefilter
    {
        public Prefilter(BrandTerm[] terms)
        {
            static string Stripped(string s) => s.Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            static SearchValues<string> Search(IEnumerable<string> words) =>
                SearchValues.Create(words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray(), StringComparison.Ordinal);
            static TypoTarget Target(BrandTerm t) => new(t.Skeleton, t.Skeleton.Length, t.MaxEdits, t.Mask);

            var distinctive = terms.Where(t => !t.OnlyWithWords).ToArray();
            // A name's domain can differ from its label (a user's brand): its skeleton counts too.
            var distinctiveWords = distinctive.Select(t => Stripped(t.Skeleton))
                .Concat(distinctive.Select(t => Stripped(GlyphSkeleton.Fold(t.Name.Domain).Skeleton))).ToArray();
            Distinctive = Search(distinctiveWords);
            GenericList = terms.Where(t => t.OnlyWithWords).Select(t => Stripped(t.Skeleton)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            Generic = Search(GenericList);
            GenericSkeletons = GenericList.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            GenericDomains = terms.Where(t => t.OnlyWithWords && !t.IsKeyword).Select(t => t.Name.Domain).Distinct(StringComparer.Ordinal).ToArray();
            GluedDomains = Search(terms.Where(t => t.OnlyWithWords).Select(t => Stripped(t.DomainWithoutDot)));
            Words = Search(LureWords.Credential.Concat(LureWords.Account).Select(w => Stripped(GlyphSkeleton.Fold(w).Skeleton))
                .Except(terms.Select(t => Stripped(t.Skeleton)), StringComparer.Ordinal));
            Disguised = Search(LureWords.Disguised.Select(w => GlyphSkeleton.Fold(w).Skeleton));
            FirstGrams = new ulong[(GramCount + 63) / 64];
            foreach (var word in distinctiveWords.Concat(GenericList).Where(w => w.Length >= 3))
            {
                var code = (((LetterMask.IndexOf(word[0]) * LetterMask.Size) + LetterMask.IndexOf(word[1])) * LetterMask.Size) + LetterMask.IndexOf(word[2]);
                FirstGrams[code >> 6] |= 1UL << code;
            }

            // A user's brand of fewer than three letters without hyphens escapes the bitset: search always.
            ShortWords = distinctiveWords.Concat(GenericList).Any(w => w.Length < 3);
            TypoSkeletons = terms.Where(t => t.TypoInLabel).Select(t => t.Skeleton).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var labelTypos = terms.Where(t => t.TypoInLabel).Select(Target).Distinct().ToArray();
            TyposByLength = Enumerable.Range(0, Core.Names.DomainNames.MaxLabelLength + 1)
                .Select(length => labelTypos.Where(t => Math.Abs(length - t.Length) <= t.MaxEdits).ToArray()).ToArray();
            var looseTerms = terms.Where(t => t.TypoInLabel).ToArray();
            LooseSkeletons = looseTerms.Select(t => t.Loose).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            // A loose skeleton character stands for one or two characters of the label.
            LooseMinLength = looseTerms.Min(t => t.Loose.Length);
            LooseMaxLength = Math.Min(2 * looseTerms.Max(t => t.Loose.Length), DomainNames.MaxLabelLength);
            TokenTypos = terms.Where(t => !t.OnlyWithWords && t.Skeleton.Length >= 5).Select(Target).Distinct().ToArray();
        }

        public SearchValues<string> Distinctive { get; }

        /// <summary>The first three letters of every distinctive and generic skeleton, as a bitset of codes.</summary>
        public ulong[] FirstGrams { get; }

        public bool ShortWords { get; }

        public string[] GenericList { get; }

        public SearchValues<string> Generic { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericSkeletons { get; }

        public string[] GenericDomains { get; }

        public SearchValues<string> GluedDomains { get; }

        public SearchValues<string> Words { get; }

        public SearchValues<string> Disguised { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TypoSkeletons { get; }

        /// <summary>For each label length, the brand terms whose typo budget reaches it.</summary>
        public TypoTarget[][] TyposByLength { get; }

        public TypoTarget[] TokenTypos { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LooseSkeletons { get; }

        public int LooseMinLength { get; }

        public int LooseMaxLength { get; }
    }
}
