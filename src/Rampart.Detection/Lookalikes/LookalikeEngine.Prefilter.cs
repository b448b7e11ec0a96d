using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// (<see cref="HostFolder.TryFoldQuick"/>) and then only the label checks, or with a gram of a
    /// brand every check on labels made from that fold; the rest take the full fold and every check.
    /// </summary>
    [SkipLocalsInit]
    private Prescreened Prescreen(ReadOnlySpan<char> input, Span<char> host, out int length)
    {
        var p = _prefilter;
        if (!p.ShortWords && !p.ShortDisguised)
        {
            Span<char> skeleton = stackalloc char[HostFolder.QuickMaxLength];
            Span<ulong> sets = stackalloc ulong[QuickSets.Count];
            var quick = HostFolder.TryFoldQuick(input, host, skeleton, p.Grams, p.Sets, sets, out length, out var dots);
            if (quick != QuickFold.NotQuick)
            {
                var near = quick == QuickFold.Folded
                    ? QuickLabelsMayImitate(host[..length], skeleton, sets, dots)
                    : GramHitMayImitate(host[..length], skeleton, sets, dots);
                return near switch
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
                // The quick fold took only ASCII letters, digits and underscores, labels of 2 to 63
                // characters, at most 64 in all: the reads below need no bounds checks.
                var label = skeleton[start..end];
                var length = label.Length;
                ref var c = ref MemoryMarshal.GetReference(label);
                var first = LetterMask.IndexOfAscii(c);
                var last = LetterMask.IndexOfAscii(Unsafe.Add(ref c, length - 1));
                // Bits start to end - 1 (end is at most 64).
                var range = (ulong.MaxValue >> (64 - length)) << start;
                ref readonly var gate = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(p.Gates), length);
                var typo = gate.MayBeTypo(first, last, range, sets)
                    | p.MayBeOneEditFrom(length, first, LetterMask.IndexOfAscii(Unsafe.Add(ref c, 1)), LetterMask.IndexOfAscii(Unsafe.Add(ref c, length - 2)), last);
                var loose = gate.MayBeLoose(range, sets);
                // Each check only where its own gate let the label through: of random labels, 8% pass
                // the loose gate (every "info" among them), 6% the typo gates.
                if (typo | loose)
                {
                    near = (typo && NearLabelTypo(label, LetterMask.OfAscii(label)))
                        || (loose && LooseMayMatch(host[start..end], LetterMask.OfAscii(host[start..end])));
                }
            }

            if (end == host.Length)
            {
                return near;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// <see cref="MayImitate"/> for a quickly folded name with a gram of a brand (4% of random hosts),
    /// from the quick fold instead of folding the name again (the full fold cost about 300 ns a name,
    /// its ungated label checks as much again): such a name has no hyphen and no glyph pair, so each
    /// label's skeleton is its single folds in place, <c>skeleton[start..end]</c>, the label checks
    /// are <see cref="QuickLabelsMayImitate"/>'s, and its only glyph tricks are 0 and 1. Null where
    /// <see cref="HostFolder.TryFold"/> refuses the name (an empty or too long label, too many).
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool? GramHitMayImitate(ReadOnlySpan<char> host, ReadOnlySpan<char> skeleton, ReadOnlySpan<ulong> sets, ulong dots)
    {
        Span<char> joined = stackalloc char[HostFolder.QuickMaxLength];
        Span<int> ends = stackalloc int[HostFolder.MaxLabels];
        int n = 0, count = 0, start = 0;
        for (var rest = dots; ; rest &= rest - 1)
        {
            var end = rest == 0 ? host.Length : BitOperations.TrailingZeroCount(rest);
            if (end - start is 0 or > DomainNames.MaxLabelLength || count == ends.Length)
            {
                return null;
            }

            skeleton[start..end].CopyTo(joined[n..]);
            n += end - start;
            ends[count++] = n;
            if (end == host.Length)
            {
                break;
            }

            start = end + 1;
        }

        var signs = host.ContainsAny('0', '1') ? FoldSigns.StrongFold : FoldSigns.None;
        return BrandWordMayCount(host, joined[..n], ends[..count])
            || QuickLabelsMayImitate(host, skeleton, sets, dots) == true
            || SignsMayImitate(host, joined[..n], signs, gramHit: true);
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
    [SkipLocalsInit]
    private bool MayImitate(ReadOnlySpan<char> host, ReadOnlySpan<char> joined, ReadOnlySpan<FoldedLabel> folds, FoldedHost folded)
    {
        if (_prefilter.ShortWords || folded.GramHit)
        {
            Span<int> ends = stackalloc int[HostFolder.MaxLabels];
            for (var l = 0; l < folds.Length; l++)
            {
                ends[l] = folds[l].SkeletonEnd;
            }

            if (BrandWordMayCount(host, joined, ends[..folds.Length]))
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

        return SignsMayImitate(host, joined, folded.Signs, folded.GramHit);
    }

    /// <summary>
    /// Same skeleton, TLD swap, brand token, glued to words, hyphenation, dot-split, the brand's
    /// domain in a subdomain: the brand's skeleton is inside the name's, separators removed, so one of
    /// the brands' first three letters is too (the fold tested them). <paramref name="skeletonEnds"/>:
    /// where each label's skeleton ends in <paramref name="joined"/>.
    /// </summary>
    private bool BrandWordMayCount(ReadOnlySpan<char> host, ReadOnlySpan<char> joined, ReadOnlySpan<int> skeletonEnds)
    {
        var p = _prefilter;
        return joined.IndexOfAny(p.Distinctive) >= 0
            || (joined.IndexOfAny(p.Generic) is var generic and >= 0 && GenericMayCount(host, joined, generic, skeletonEnds));
    }

    /// <summary>What only the signs the fold saw make possible; a disguised lure word's first three letters are in the gram set too.</summary>
    private bool SignsMayImitate(ReadOnlySpan<char> host, ReadOnlySpan<char> joined, FoldSigns signs, bool gramHit) =>
        ((signs & FoldSigns.Hyphen) != 0 && HyphenatedMayImitate(host))
        || ((signs & FoldSigns.StrongFold) != 0 && (gramHit || _prefilter.ShortDisguised) && joined.IndexOfAny(_prefilter.Disguised) >= 0 && DisguisedWord(host))
        || ((signs & FoldSigns.FoldAcrossDot) != 0 && FoldsAcrossADot(host));

    /// <summary>
    /// A generic name or keyword (live, office, o365) counts as a glyph trick or hyphenation of a
    /// whole label or of two labels split by a dot, its domain in a subdomain or written without its
    /// dot (livecom), next to account wording, or beside a second brand token.
    /// </summary>
    private bool GenericMayCount(ReadOnlySpan<char> host, ReadOnlySpan<char> joined, int at, ReadOnlySpan<int> skeletonEnds)
    {
        var p = _prefilter;
        // Account wording anywhere (no brand term counts as wording: owa is a brand token), or another brand.
        if (joined.IndexOfAny(p.Words) >= 0 || joined[(at + 1)..].IndexOfAny(p.Generic) >= 0 || joined.IndexOfAny(p.GluedDomains) >= 0)
        {
            return true;
        }

        var start = 0;
        for (var l = 0; l < skeletonEnds.Length; l++)
        {
            // The label itself, or it joined with the next: dnstwist's dot-split of a generic name
            // (out.look.net) is found on the two labels joined, where no fold need cross the dot.
            if (p.GenericSkeletons.Contains(joined[start..skeletonEnds[l]])
                || (l + 1 < skeletonEnds.Length && p.TypoSkeletons.Contains(joined[start..skeletonEnds[l + 1]])))
            {
                return true;
            }

            start = skeletonEnds[l];
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
}
