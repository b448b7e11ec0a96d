namespace Rampart.Detection.Lookalikes;

/// <summary>A brand name or keyword compiled for screening: its glyph skeleton, edit budget and letter mask.</summary>
internal sealed class BrandTerm
{
    /// <param name="singleFolds">
    /// Fold single characters only, not pairs: a brand whose letters contain a pair fold (icloud:
    /// 'cl' reads as 'd') has a second term, so a typo that breaks the pair (icfloud, icolud) is
    /// still one edit away.
    /// </param>
    public BrandTerm(Brand brand, BrandName name, bool isKeyword, bool singleFolds = false)
    {
        Brand = brand;
        Name = name;
        IsKeyword = isKeyword;
        (Skeleton, Map) = singleFolds
            ? (string.Concat(name.Label.Select(GlyphSkeleton.Single)), Enumerable.Range(0, name.Label.Length + 1).ToArray())
            : GlyphSkeleton.Fold(name.Label);
        // Issue #9: Damerau-Levenshtein 1, 2 for long names (8+ letters: onedrive, microsoft, sharepoint).
        MaxEdits = Skeleton.Length >= 8 ? 2 : 1;
        Mask = LetterMask.Of(Skeleton);
        Loose = GlyphSkeleton.Loose(name.Label);
        var tld = name.Domain.LastIndexOf('.') is var dot and >= 0 ? name.Domain[(dot + 1)..] : "";
        DomainWithoutDot = Skeleton + GlyphSkeleton.Fold(tld).Skeleton;
    }

    /// <summary>The skeleton of the name with its domain's top-level label glued on (<c>llvecom</c> for live.com).</summary>
    public string DomainWithoutDot { get; }

    /// <summary>The name's <see cref="GlyphSkeleton.Loose(ReadOnlySpan{char})"/> skeleton, for labels written in Unicode.</summary>
    public string Loose { get; }

    public Brand Brand { get; }

    public BrandName Name { get; }

    /// <summary>Keywords (o365) and generic names (live) count only as a whole token next to credential words.</summary>
    public bool IsKeyword { get; }

    public bool OnlyWithWords => IsKeyword || Name.Generic;

    /// <summary>
    /// Typos of the whole registrable label: every name but keywords. Misspelt short names are often
    /// other words or companies (hicloud, lime, apply), so there only edits a person makes or misreads
    /// count (<see cref="CountsAsTypo"/>).
    /// </summary>
    public bool TypoInLabel => !IsKeyword;

    /// <summary>
    /// Which one-edit typos of this name count: for generic names under 7 letters (live, office,
    /// apple) only slips and look-alikes anywhere (<see cref="Slips"/>); for other names under 8
    /// letters any edit but an unrelated first letter (hicloud, dcloud, kmail); longer names any edit.
    /// </summary>
    public bool CountsAsTypo(ReadOnlySpan<char> raw, ReadOnlySpan<char> skeleton, int distance)
    {
        if (distance != 1 || MaxEdits > 1)
        {
            return true;
        }

        var firstLetterOnly = !(Name.Generic && Skeleton.Length < 7);
        // Judge the edit as typed when it is one (l8ve for live); a glyph fold in it (t1cloud) is judged
        // on skeletons, except on a short common word, where a fold and an edit are two changes (appier).
        return EditDistance.Bounded(raw, Name.Label, 1) == 1
            ? Slips.IsPlausible(raw, Name.Label, firstLetterOnly)
            : firstLetterOnly && Slips.IsPlausible(skeleton, Skeleton, firstLetterOnly);
    }

    public string Skeleton { get; }

    public int[] Map { get; }

    public int MaxEdits { get; }

    public ulong Mask { get; }

    /// <summary>Cheap test that <paramref name="candidate"/> could be within the edit budget: length and letters.</summary>
    public bool MayBeNear(ReadOnlySpan<char> candidate, ulong candidateMask) =>
        Math.Abs(candidate.Length - Skeleton.Length) <= MaxEdits
        && ulong.PopCount(Mask & ~candidateMask) <= (ulong)MaxEdits;

    public string Describe() => $"{Name.Domain} ({Brand.Name})";
}
