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
    private readonly Prefilter _prefilter;

    /// <summary>What the prefilter made of a name.</summary>
    private enum Prescreened
    {
        /// <summary>A plain ASCII host that is near no brand: clean.</summary>
        Clean,

        /// <summary>A plain ASCII host (now lower case in the buffer) that the full check must see.</summary>
        Candidate,

        /// <summary>Not a plain ASCII host: the general path decides (errors, Unicode, punycode).</summary>
        NotPlain,
    }

    /// <summary>
    /// Folds <paramref name="input"/> into <paramref name="host"/> (lower case) in one pass and asks
    /// the prefilter whether the full check could find anything in it. Most names take the quick fold
    /// (<see cref="HostFolder.TryFoldQuick"/>) and then only the label checks; the rest, and names
    /// with a gram of a brand, take the full fold and every check.
    /// </summary>
    [SkipLocalsInit]
    private Prescreened Prescreen(ReadOnlySpan<char> input, Span<char> host, out int length)
    {
        var p = _prefilter;
        if (!p.ShortWords && !p.ShortDisguised)
        {
            Span<char> skeleton = stackalloc char[HostFolder.QuickMaxLength];
            Span<ulong> sets = stackalloc ulong[QuickSets.Count];
            if (HostFolder.TryFoldQuick(input, host, skeleton, p.Grams, p.Sets, sets, out length, out var dots) == QuickFold.Folded)
            {
                return QuickLabelsMayImitate(host[..length], skeleton, sets, dots) switch
                {
                    true => Prescreened.Candidate,
                    false => Prescreened.Clean,
                    null => Prescreened.NotPlain,
                };
            }
        }

        return PrescreenFully(input, host, out length);
    }

    /// <summary>
    /// What <see cref="MayImitate"/> comes to for a quickly folded name (no hyphen, no glyph pair, no
    /// gram of a brand, no short brand): a typo or a loose skeleton of a whole label, once
    /// <see cref="LabelGate"/> lets the label through. Null when a label is empty or too long, or there
    /// are too many: <see cref="HostFolder.TryFold"/> refuses those.
    /// </summary>
    private bool? QuickLabelsMayImitate(ReadOnlySpan<char> host, ReadOnlySpan<char> skeleton, ReadOnlySpan<ulong> sets, ulong dots)
    {
        if (BitOperations.PopCount(dots) >= HostFolder.MaxLabels)
        {
            return null;
        }

        var p = _prefilter;
        var near = false;
        var start = 0;
        while (true)
        {
            var end = dots == 0 ? host.Length : BitOperations.TrailingZeroCount(dots);
            dots &= dots - 1;
            if (end - start is 0 or > DomainNames.MaxLabelLength)
            {
                return null;
            }

            // Once one label is near, the rest are only checked for what the full fold refuses.
            if (!near)
            {
                var label = skeleton[start..end];
                var length = label.Length;
                var first = LetterMask.IndexOf(label[0]);
                var last = LetterMask.IndexOf(label[^1]);
                // Bits start to end - 1 (end is at most 64).
                var range = (ulong.MaxValue >> (64 - length)) << start;
                if (p.Gates[length].MayPass(first, last, range, sets)
                    | p.MayBeOneEditFrom(length, first, LetterMask.IndexOf(label[1]), LetterMask.IndexOf(label[^2]), last))
                {
                    var written = host[start..end];
                    near = NearLabelTypo(label, LetterMask.Of(label)) || LooseMayMatch(written, LetterMask.Of(written));
                }
            }

            if (end == host.Length)
            {
                return near;
            }

            start = end + 1;
        }
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Prescreened PrescreenFully(ReadOnlySpan<char> input, Span<char> host, out int length)
    {
        // Fixed-size buffers (506 + 1,024 bytes): no stack probe.
        Span<char> joined = stackalloc char[DomainNames.MaxNameLength];
        Span<FoldedLabel> labels = stackalloc FoldedLabel[HostFolder.MaxLabels];
        if (!HostFolder.TryFold(input, host, joined, labels, _prefilter.Grams, out var folded))
        {
            length = 0;
            return Prescreened.NotPlain;
        }

        length = folded.HostLength;
        return MayImitate(host[..length], joined[..folded.SkeletonLength], labels[..folded.LabelCount], folded)
            ? Prescreened.Candidate
            : Prescreened.Clean;
    }

    /// <summary>
    /// Whether the full check could find anything in a folded name: exact in that direction (each
    /// rule below names the check it stands for), so it never hides a finding.
    /// </summary>
    private bool MayImitate(ReadOnlySpan<char> host, ReadOnlySpan<char> joined, ReadOnlySpan<FoldedLabel> folds, FoldedHost folded)
    {
        var p = _prefilter;

        // Same skeleton, TLD swap, brand token, glued to words, hyphenation, dot-split, the brand's
        // domain in a subdomain: the brand's skeleton is inside the name's, separators removed, so
        // one of the brands' first three letters is too (the fold tested them).
        if (p.ShortWords || folded.GramHit)
        {
            if (joined.IndexOfAny(p.Distinctive) >= 0)
            {
                return true;
            }

            if (joined.IndexOfAny(p.Generic) is var generic and >= 0 && GenericMayCount(host, joined, generic, folds))
            {
                return true;
            }
        }

        // A typo of a whole label (hyphens only add edits, so the label without them is as close),
        // or a label whose loose skeleton is a brand's.
        var skeletonStart = 0;
        foreach (ref readonly var fold in folds)
        {
            var label = joined[skeletonStart..fold.SkeletonEnd];
            if (NearLabelTypo(label, fold.Mask)
                || LooseMayMatch(host[fold.Start..fold.End], fold.Written))
            {
                return true;
            }

            skeletonStart = fold.SkeletonEnd;
        }

        // A disguised lure word's first three letters are in the gram set too.
        var signs = folded.Signs;
        return ((signs & FoldSigns.Hyphen) != 0 && HyphenatedMayImitate(host))
            || ((signs & FoldSigns.StrongFold) != 0 && (folded.GramHit || p.ShortDisguised) && joined.IndexOfAny(p.Disguised) >= 0 && DisguisedWord(host))
            || ((signs & FoldSigns.FoldAcrossDot) != 0 && FoldsAcrossADot(host));
    }

    /// <summary>
    /// A generic name or keyword (live, office, o365) counts as a glyph trick or hyphenation of a
    /// whole label or of two labels split by a dot, its domain in a subdomain or written without its
    /// dot (livecom), next to account wording, or beside a second brand token.
    /// </summary>
    private bool GenericMayCount(ReadOnlySpan<char> host, ReadOnlySpan<char> joined, int at, ReadOnlySpan<FoldedLabel> labels)
    {
        var p = _prefilter;
        // Account wording anywhere (no brand term counts as wording: owa is a brand token), or another brand.
        if (joined.IndexOfAny(p.Words) >= 0 || joined[(at + 1)..].IndexOfAny(p.Generic) >= 0 || joined.IndexOfAny(p.GluedDomains) >= 0)
        {
            return true;
        }

        var start = 0;
        for (var l = 0; l < labels.Length; l++)
        {
            // The label itself, or it joined with the next: dnstwist's dot-split of a generic name
            // (out.look.net) is found on the two labels joined, where no fold need cross the dot.
            if (p.GenericSkeletons.Contains(joined[start..labels[l].SkeletonEnd])
                || (l + 1 < labels.Length && p.TypoSkeletons.Contains(joined[start..labels[l + 1].SkeletonEnd])))
            {
                return true;
            }

            start = labels[l].SkeletonEnd;
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

    /// <summary>
    /// A label whose loose skeleton is a brand's (lkakao, daunn). Only a label whose characters as
    /// written can all fold into a brand's loose letters, at a length that brand's can have, is folded.
    /// </summary>
    private bool LooseMayMatch(ReadOnlySpan<char> label, ulong written)
    {
        var p = _prefilter;
        // Most labels have a character no brand's loose letters of their length come from.
        if (label.Length >= p.LooseByLength.Length || (written & ~p.LooseUnion[label.Length]) != 0)
        {
            return false;
        }

        foreach (var allowed in p.LooseByLength[label.Length])
        {
            if ((written & ~allowed) == 0)
            {
                return IsLooseSkeleton(label);
            }
        }

        return false;
    }

    [SkipLocalsInit]
    private bool IsLooseSkeleton(ReadOnlySpan<char> label)
    {
        Span<char> loose = stackalloc char[DomainNames.MaxLabelLength];
        return _prefilter.LooseSkeletons.Contains(loose[..GlyphSkeleton.Loose(label, loose)]);
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

    /// <summary>
    /// A typo of a whole label. One edit leaves a name of five letters or more its first two or its
    /// last two letters (an edit in the first two is at most the third-last), so only names of the
    /// label's length whose edge pair the label has are compared — for random labels, one in fifty.
    /// A shorter name keeps its first or last letter. Long names (two edits) are all compared.
    /// </summary>
    private bool NearLabelTypo(ReadOnlySpan<char> label, ulong mask)
    {
        var p = _prefilter;
        var length = label.Length;
        if (length < 2 || length >= p.WideTypos.Length)
        {
            return false;
        }

        var first = LetterMask.IndexOf(label[0]);
        var last = LetterMask.IndexOf(label[^1]);
        if (p.HasEdge(length, (first * LetterMask.Size) + LetterMask.IndexOf(label[1]), 0)
            || p.HasEdge(length, (LetterMask.IndexOf(label[^2]) * LetterMask.Size) + last, 1))
        {
            if (NearTypo(label, mask, p.EdgeTypos[length]))
            {
                return true;
            }
        }

        if ((((p.FirstLetters[length] >> first) | (p.LastLetters[length] >> last)) & 1) != 0)
        {
            var key = length * LetterMask.Size;
            if (NearTypo(label, mask, p.TyposByFirst[key + first]) || NearTypo(label, mask, p.TyposByLast[key + last]))
            {
                return true;
            }
        }

        return p.WideTypos[length].Length > 0 && NearTypo(label, mask, p.WideTypos[length]);
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
            var disguised = LureWords.Disguised.Select(w => GlyphSkeleton.Fold(w).Skeleton).ToArray();
            Disguised = Search(disguised);
            // One bitset for the fold to test: a hit sends the name to the searches for all three.
            Grams = new ulong[(HostFolder.GramCount + 63) / 64];
            foreach (var word in distinctiveWords.Concat(GenericList).Concat(disguised).Where(w => w.Length >= 3))
            {
                var code = HostFolder.Gram(word[0], word[1], word[2]);
                Grams[code >> 6] |= 1UL << code;
            }

            // A user's brand of fewer than three letters without hyphens escapes the bitset: search always.
            ShortWords = distinctiveWords.Concat(GenericList).Any(w => w.Length < 3);
            ShortDisguised = disguised.Any(w => w.Length < 3);
            TypoSkeletons = terms.Where(t => t.TypoInLabel).Select(t => t.Skeleton).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var labelTypos = terms.Where(t => t.TypoInLabel).Select(Target).Distinct().ToArray();
            var byLength = Enumerable.Range(0, DomainNames.MaxLabelLength + 1)
                .Select(length => labelTypos.Where(t => Math.Abs(length - t.Length) <= t.MaxEdits).ToArray()).ToArray();
            // One edit: names of five letters or more by their edge pairs, shorter ones by their first and last letters.
            TypoTarget[][] Keyed(Func<TypoTarget, char> letter) =>
                byLength.SelectMany(targets => Enumerable.Range(0, LetterMask.Size)
                    .Select(index => targets.Where(t => t.MaxEdits == 1 && t.Length < EdgeLength && LetterMask.IndexOf(letter(t)) == index).ToArray())).ToArray();
            TyposByFirst = Keyed(t => t.Skeleton[0]);
            TyposByLast = Keyed(t => t.Skeleton[^1]);
            EdgeTypos = byLength.Select(targets => targets.Where(t => t.MaxEdits == 1 && t.Length >= EdgeLength).ToArray()).ToArray();
            Edges = new ulong[EdgeBits / 64];
            for (var length = 0; length < EdgeTypos.Length; length++)
            {
                foreach (var t in EdgeTypos[length])
                {
                    var k = t.Skeleton;
                    Set(EdgeKey(length, (LetterMask.IndexOf(k[0]) * LetterMask.Size) + LetterMask.IndexOf(k[1]), 0));
                    Set(EdgeKey(length, (LetterMask.IndexOf(k[^2]) * LetterMask.Size) + LetterMask.IndexOf(k[^1]), 1));
                }
            }

            WideTypos = byLength.Select(targets => targets.Where(t => t.MaxEdits > 1).ToArray()).ToArray();
            ulong[] Letters(TypoTarget[][] keyed) => Enumerable.Range(0, byLength.Length)
                .Select(length => Enumerable.Range(0, LetterMask.Size).Aggregate(0UL, (bits, index) => keyed[(length * LetterMask.Size) + index].Length > 0 ? bits | (1UL << index) : bits))
                .ToArray();
            FirstLetters = Letters(TyposByFirst);
            LastLetters = Letters(TyposByLast);
            var looseTerms = terms.Where(t => t.TypoInLabel).ToArray();
            LooseSkeletons = looseTerms.Select(t => t.Loose).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var becomes = LooseLettersByCharacter();
            var looseTargets = looseTerms.Select(t =>
            {
                var letters = LetterMask.Of(t.Loose);
                var allowed = 0UL;
                for (var k = 0; k < LetterMask.Size; k++)
                {
                    allowed |= (becomes[k] & letters) != 0 ? 1UL << k : 0;
                }

                return (t.Loose.Length, Allowed: allowed);
            }).ToArray();
            // A loose skeleton character stands for one or two characters of the label.
            LooseByLength = Enumerable.Range(0, DomainNames.MaxLabelLength + 1)
                .Select(length => looseTargets.Where(t => length >= t.Length && length <= 2 * t.Length).Select(t => t.Allowed).Distinct().ToArray()).ToArray();
            LooseUnion = LooseByLength.Select(masks => masks.Aggregate(0UL, (union, mask) => union | mask)).ToArray();
            // The label gate's edge keys: one edit of a name of four letters or more leaves its first two
            // letters, its last two, or (a swap in the middle of four) its first and last; a name of three
            // may lose all three pairs (abc → bac) and keeps its first or last letter.
            GateEdges = new ulong[EdgeBits / 64];
            ulong[] ShortLetters(Func<TypoTarget, char> letter) => byLength
                .Select(targets => targets.Where(t => t.MaxEdits == 1 && t.Length < 4).Aggregate(0UL, (bits, t) => bits | (1UL << LetterMask.IndexOf(letter(t)))))
                .ToArray();
            var shortFirst = ShortLetters(t => t.Skeleton[0]);
            var shortLast = ShortLetters(t => t.Skeleton[^1]);
            for (var length = 0; length < byLength.Length; length++)
            {
                foreach (var t in byLength[length].Where(t => t.MaxEdits == 1 && t.Length >= 4))
                {
                    var k = t.Skeleton.Select(c => LetterMask.IndexOf(c)).ToArray();
                    SetGate(EdgeKey(length, (k[0] * LetterMask.Size) + k[1], 0));
                    SetGate(EdgeKey(length, (k[^2] * LetterMask.Size) + k[^1], 1));
                    SetGate(EdgeKey(length, (k[0] * LetterMask.Size) + k[^1], 2));
                }
            }

            // The quick fold's character sets: the letters of up to five names of two edits, and what
            // loose skeletons come from for labels of 2–5 letters, 6–9, and any length.
            var looseShort = LooseUnion.Take(6).Aggregate(0UL, (union, mask) => union | mask);
            var looseMiddle = LooseUnion.Skip(6).Take(4).Aggregate(0UL, (union, mask) => union | mask);
            var looseAll = LooseUnion.Aggregate(0UL, (union, mask) => union | mask);
            var wideMasks = WideTypos.SelectMany(targets => targets.Select(t => t.Mask)).Distinct().Take(QuickSets.Count - 3).ToArray();
            Sets = new QuickSets(c =>
            {
                var bit = LetterMask.Bit(c);
                var bits = ((bit & looseAll) != 0 ? 1 << QuickSets.Loose : 0) | ((bit & looseShort) != 0 ? 1 << LooseShortSet : 0)
                    | ((bit & looseMiddle) != 0 ? 1 << LooseMiddleSet : 0);
                for (var k = 0; k < wideMasks.Length; k++)
                {
                    bits |= (LetterMask.Bit(GlyphSkeleton.Single(c)) & wideMasks[k]) != 0 ? 1 << (k + 1) : 0;
                }

                return (byte)bits;
            });
            // A name of two edits beyond the sets has no set: its slot needs nothing, so its lengths always pass.
            (int Set, int Need) Wide(TypoTarget t) => Array.IndexOf(wideMasks, t.Mask) is var k and >= 0
                ? (k + 1, BitOperations.PopCount(t.Mask) - t.MaxEdits)
                : (QuickSets.Loose, 0);
            Gates = Enumerable.Range(0, DomainNames.MaxLabelLength + 1)
                .Select(length => new LabelGate(shortFirst[length], shortLast[length], LooseUnion[length] != 0,
                    length <= 5 ? LooseShortSet : length <= 9 ? LooseMiddleSet : QuickSets.Loose, WideTypos[length].Select(Wide).ToArray()))
                .ToArray();
            TokenTypos = terms.Where(t => !t.OnlyWithWords && t.Skeleton.Length >= 5).Select(Target).Distinct().ToArray();
        }

        public SearchValues<string> Distinctive { get; }

        /// <summary>The first three letters of every distinctive, generic and disguised-word skeleton, as a bitset of <see cref="HostFolder.Gram"/> codes.</summary>
        public ulong[] Grams { get; }

        public bool ShortWords { get; }

        public bool ShortDisguised { get; }

        public string[] GenericList { get; }

        public SearchValues<string> Generic { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericSkeletons { get; }

        public string[] GenericDomains { get; }

        public SearchValues<string> GluedDomains { get; }

        public SearchValues<string> Words { get; }

        public SearchValues<string> Disguised { get; }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TypoSkeletons { get; }

        /// <summary>
        /// Brand terms of one edit shorter than <see cref="EdgeLength"/> whose budget reaches a label length, by length and first letter
        /// (<c>length * LetterMask.Size + LetterMask.IndexOf(first)</c>).
        /// </summary>
        public TypoTarget[][] TyposByFirst { get; }

        /// <summary>The same by length and last letter.</summary>
        public TypoTarget[][] TyposByLast { get; }

        /// <summary>By label length, the first letters (<see cref="LetterMask"/> bits) that have entries in <see cref="TyposByFirst"/>.</summary>
        public ulong[] FirstLetters { get; }

        /// <summary>By label length, the last letters that have entries in <see cref="TyposByLast"/>.</summary>
        public ulong[] LastLetters { get; }

        /// <summary>Brand terms of two edits whose budget reaches a label length, by length.</summary>
        public TypoTarget[][] WideTypos { get; }

        public TypoTarget[] TokenTypos { get; }

        /// <summary>Names of five letters or more whose one-edit typos are found by their edge pairs.</summary>
        public const int EdgeLength = 5;

        /// <summary>Bits of the hashed edge-pair set: 8,192 (1 KB) for a few hundred pairs.</summary>
        private const int EdgeBits = 8192;

        /// <summary>One-edit names of five letters or more whose budget reaches a label length, by length.</summary>
        public TypoTarget[][] EdgeTypos { get; }

        /// <summary>(label length, first or last letter pair, which end) of every <see cref="EdgeTypos"/> entry, hashed: a Bloom filter of one hash.</summary>
        private ulong[] Edges { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool HasEdge(int length, int pair, int end)
        {
            var key = EdgeKey(length, pair, end);
            return ((Edges[key >> 6] >> key) & 1) != 0;
        }

        private static int EdgeKey(int length, int pair, int end) =>
            (int)((uint)((((length * LetterMask.Size * LetterMask.Size) + pair) * 2) + end) * 0x9E3779B1u >> (32 - 13));

        private void Set(int key) => Edges[key >> 6] |= 1UL << key;

        /// <summary>
        /// Keys (label length, first pair, 0), (length, last pair, 1) and (length, first and last letter, 2)
        /// of every one-edit name of four letters or more whose budget reaches the length, hashed as <see cref="Edges"/>.
        /// </summary>
        private ulong[] GateEdges { get; }

        private void SetGate(int key) => GateEdges[key >> 6] |= 1UL << key;

        /// <summary>
        /// Whether a label might be one edit from a name of four letters or more: it has such a name's
        /// first pair, last pair, or first and last letters (indexes as <see cref="LetterMask.IndexOf"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayBeOneEditFrom(int length, int first, int second, int secondLast, int last)
        {
            var a = EdgeKey(length, (first * LetterMask.Size) + second, 0);
            var b = EdgeKey(length, (secondLast * LetterMask.Size) + last, 1);
            var c = EdgeKey(length, (first * LetterMask.Size) + last, 2);
            return (((GateEdges[a >> 6] >> a) | (GateEdges[b >> 6] >> b) | (GateEdges[c >> 6] >> c)) & 1) != 0;
        }

        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LooseSkeletons { get; }

        /// <summary>
        /// For each label length, per brand term whose loose skeleton can be that long, the characters
        /// (as <see cref="LetterMask"/> bits) that can fold into one of its loose letters: a label with
        /// any other character cannot have that loose skeleton.
        /// </summary>
        public ulong[][] LooseByLength { get; }

        /// <summary>Per label length, every character <see cref="LooseByLength"/> allows for any brand.</summary>
        public ulong[] LooseUnion { get; }

        /// <summary>Per label length (0 to 63), the branch-free first test of the label checks.</summary>
        public LabelGate[] Gates { get; }

        /// <summary>The character sets the quick fold locates for <see cref="Gates"/>.</summary>
        public QuickSets Sets { get; }

        /// <summary>What loose skeletons of labels of 2 to 5 characters come from (<see cref="Sets"/>).</summary>
        private const int LooseShortSet = QuickSets.Count - 2;

        /// <summary>The same for labels of 6 to 9 characters.</summary>
        private const int LooseMiddleSet = QuickSets.Count - 1;

        /// <summary>
        /// For each character class of <see cref="LetterMask"/>, the loose letters it can become alone
        /// or as either half of a two-letter glyph: computed from <see cref="GlyphSkeleton.Loose(ReadOnlySpan{char})"/>
        /// itself, so the filter cannot drift from the fold.
        /// </summary>
        private static ulong[] LooseLettersByCharacter()
        {
            var becomes = new ulong[LetterMask.Size];
            Span<char> two = stackalloc char[2];
            Span<char> loose = stackalloc char[2];
            for (var a = (char)1; a < 128; a++)
            {
                two[0] = a;
                becomes[LetterMask.IndexOf(a)] |= LetterMask.Of(loose[..GlyphSkeleton.Loose(two[..1], loose)]);
                for (var b = (char)1; b < 128; b++)
                {
                    two[1] = b;
                    if (GlyphSkeleton.Loose(two, loose) == 1)
                    {
                        becomes[LetterMask.IndexOf(a)] |= LetterMask.Of(loose[..1]);
                        becomes[LetterMask.IndexOf(b)] |= LetterMask.Of(loose[..1]);
                    }
                }
            }

            return becomes;
        }
    }
}
