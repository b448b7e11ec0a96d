namespace Rampart.Detection.Lookalikes;

/// <summary>What the fold saw in a name that only some prefilter checks need.</summary>
[Flags]
internal enum FoldSigns
{
    None = 0,

    /// <summary>A hyphen: hyphenated typos of long tokens, credential wording alone.</summary>
    Hyphen = 1,

    /// <summary>A glyph trick (rn, vv, cl, 0, 1): a disguised lure word is possible.</summary>
    StrongFold = 2,

    /// <summary>The letters either side of a dot form a pair (hotr.nail): a fold across the dot is possible.</summary>
    FoldAcrossDot = 4,
}
