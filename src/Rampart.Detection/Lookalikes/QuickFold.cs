namespace Rampart.Detection.Lookalikes;

/// <summary>What <see cref="HostFolder.TryFoldQuick"/> made of a name.</summary>
internal enum QuickFold
{
    /// <summary>Not a name the quick fold takes (a hyphen, a glyph pair, a character outside a–z 0–9 _ ., too long): fold it fully.</summary>
    NotQuick,

    /// <summary>
    /// Lowered and folded as <see cref="Folded"/>, but three of its skeleton letters are in the gram set:
    /// the brand searches run too, on labels made from this fold (the name is not folded again).
    /// </summary>
    GramHit,

    /// <summary>Lowered and folded, no gram of it in the set: only its labels' typo and loose checks remain.</summary>
    Folded,
}
