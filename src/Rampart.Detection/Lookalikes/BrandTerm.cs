namespace Rampart.Detection.Lookalikes;

/// <summary>A brand name or keyword compiled for screening: its glyph skeleton, edit budget and letter mask.</summary>
internal sealed class BrandTerm
{
    public BrandTerm(Brand brand, BrandName name, bool isKeyword)
    {
        Brand = brand;
        Name = name;
        IsKeyword = isKeyword;
        (Skeleton, Map) = GlyphSkeleton.Fold(name.Label);
        // Issue #9: Damerau-Levenshtein 1, 2 for long names (8+ letters: onedrive, microsoft, sharepoint).
        MaxEdits = Skeleton.Length >= 8 ? 2 : 1;
        Mask = LetterMask.Of(Skeleton);
    }

    public Brand Brand { get; }

    public BrandName Name { get; }

    /// <summary>Keywords (o365) and generic names (live) count only as a whole token next to credential words.</summary>
    public bool IsKeyword { get; }

    public bool OnlyWithWords => IsKeyword || Name.Generic;

    /// <summary>
    /// Typos of the whole registrable label: every distinctive name, and generic names of 7+ letters
    /// (outlook), whose misspellings are rarely words; live/office/apple misspelt are words (love, officer, apply).
    /// </summary>
    public bool TypoInLabel => !IsKeyword && (!Name.Generic || Skeleton.Length >= 7);

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
